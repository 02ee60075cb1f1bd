import { isValidAddressMask, matchAddressMasks } from "../../src/callRouting";
import { parseIpAddress, parseIpPrefix } from "../../src/callRouting/match/ipAddress";

/** protocol `sip/sip_test.go` TestMatchIP and TestMatchMasks, plus Go `net/netip` parsing rules. */

describe("matchAddressMasks (TestMatchMasks)", () => {
  it.each([
    ["no masks", "192.168.0.10", "", [], true],
    ["single ip", "192.168.0.10", "", ["192.168.0.10"], true],
    ["wrong ip", "192.168.0.10", "", ["192.168.0.11"], false],
    ["ip mask", "192.168.0.10", "", ["192.168.0.0/24"], true],
    ["wrong mask", "192.168.0.10", "", ["192.168.1.0/24"], false],
    ["hostname", "192.168.0.10", "sip.example.com", ["sip.example.com"], true],
    ["invalid hostname", "192.168.0.10", "sip.example.com", ["some.domain"], false],
    ["invalid and valid range", "192.168.0.10", "", ["some.domain,192.168.0.10/24", "192.168.0.0/24"], true],
    ["invalid and wrong range", "192.168.0.10", "", ["some.domain", "192.168.1.0/24"], false],
    ["domain name", "192.168.0.10", "sip.example.com", ["some.domain", "192.168.1.0/24", "sip.example.com"], true],
    ["host prefix /0 contains everything", "192.168.0.10", "", ["192.168.0.10/0"], true],
    ["only invalid masks allow everyone", "192.168.0.10", "", ["10.0.0.1 10.0.0.2", "https://pbx", "(10.0.0.1)"], true],
    ["an unparsable source passes", "not-an-ip", "", ["10.0.0.1"], true],
    ["an empty source passes", "", "", ["10.0.0.1"], true],
    ["IPv6 prefix", "2001:db8::5", "", ["2001:db8::/32"], true],
    ["IPv6 exact with other spelling", "2001:db8:0:0::5", "", ["2001:db8::5"], true],
    ["bracketed IPv6 never parses", "2001:db8::5", "", ["[2001:db8::5]"], false],
    ["IPv4-mapped IPv6 is not the IPv4 address", "::ffff:192.168.0.10", "", ["192.168.0.10"], false],
    ["leading zeros do not parse in Go", "192.168.0.10", "", ["192.168.000.10"], false],
  ])("%s", (_name, addr, host, masks, expected) => {
    expect(matchAddressMasks(addr, host, masks)).toBe(expected);
  });
});

describe("isValidAddressMask (TestMatchIP)", () => {
  it.each(["192.168.0.10", "192.168.0.0/24", "192.168.0.10/0", "[::]", "[::]/8", "some.host.name"])("%s is a mask", (mask) => {
    expect(isValidAddressMask(mask)).toBe(true);
  });
  it.each(["a,b", "a;b", "10.0.0.*", "+1", "a b", "a\tb", "sip://host", "(x)"])("%s is ignored", (mask) => {
    expect(isValidAddressMask(mask)).toBe(false);
  });
});

describe("Go netip parsing", () => {
  it.each(["1.2.3", "1.2.3.256", "01.2.3.4", "0x7f.0.0.1", "1:2:3:4:5:6:7:8:9", "12345::1", "fe80::1%", "::1.2.3"])("%s is not an address", (text) => {
    expect(parseIpAddress(text)).toBeUndefined();
  });
  it("reads an embedded IPv4 tail as Go does, not as IPv4-mapped", () => {
    expect(parseIpAddress("::1.2.3.4")?.bytes).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
  });
  it("keeps IPv6 zones, which prefixes refuse", () => {
    expect(parseIpAddress("fe80::1%eth0")?.zone).toBe("eth0");
    expect(parseIpPrefix("fe80::%eth0/64")).toBeUndefined();
  });
  it.each(["10.0.0.0/33", "10.0.0.0/08", "10.0.0.0/", "10.0.0.0/-1"])("%s is not a prefix", (text) => {
    expect(parseIpPrefix(text)).toBeUndefined();
  });
});
