import ipaddr from "ipaddr.js";

/**
 * IP parsing with Go's `net/netip` rules, which LiveKit uses for source addresses and
 * `allowed_addresses` masks. ipaddr.js alone is more lenient (octal, hex and short IPv4 forms,
 * `::1.2.3.4` read as IPv4-mapped), so inputs are checked against netip's grammar first and
 * only plain forms reach ipaddr.js.
 */

export interface IpAddress {
  readonly family: 4 | 6;
  /** 4 or 16 bytes. */
  readonly bytes: readonly number[];
  /** IPv6 zone (`fe80::1%eth0`); netip compares it as part of the address. */
  readonly zone: string;
}

export interface IpPrefix {
  readonly address: IpAddress;
  readonly bits: number;
}

/** netip: four decimal fields, no leading zeros, each at most 255. */
const IPV4 = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;
const IPV6_GROUPS = /^[0-9a-fA-F:]+$/;
const IPV6_GROUP_TOO_LONG = /[0-9a-fA-F]{5,}/;
const PREFIX_BITS = /^(0|[1-9]\d{0,2})$/;

function parseIpv4Bytes(text: string): number[] | undefined {
  const m = IPV4.exec(text);
  if (m === null) return undefined;
  const bytes = m.slice(1).map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

/** An embedded dotted IPv4 tail becomes two hex groups, so ipaddr.js reads it as netip does. */
function ipv6WithHexTail(text: string): string | undefined {
  const lastColon = text.lastIndexOf(":");
  const tail = text.slice(lastColon + 1);
  if (!tail.includes(".")) return text;
  const bytes = parseIpv4Bytes(tail);
  if (bytes === undefined) return undefined;
  const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
  return `${text.slice(0, lastColon + 1)}${hex(bytes[0], bytes[1])}:${hex(bytes[2], bytes[3])}`;
}

function parseIpv6(text: string): IpAddress | undefined {
  const percent = text.indexOf("%");
  const zone = percent < 0 ? "" : text.slice(percent + 1);
  if (percent >= 0 && zone === "") return undefined;
  const plain = ipv6WithHexTail(percent < 0 ? text : text.slice(0, percent));
  if (plain === undefined || !IPV6_GROUPS.test(plain) || IPV6_GROUP_TOO_LONG.test(plain)) return undefined;
  if (!ipaddr.IPv6.isValid(plain)) return undefined;
  return { family: 6, bytes: ipaddr.IPv6.parse(plain).toByteArray(), zone };
}

/** `netip.ParseAddr`, or undefined where Go returns an error. */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (text.includes(":")) return parseIpv6(text);
  const bytes = parseIpv4Bytes(text);
  return bytes === undefined ? undefined : { family: 4, bytes, zone: "" };
}

/** `netip.ParsePrefix`: no zone, decimal bits without leading zeros, within the family's width. */
export function parseIpPrefix(text: string): IpPrefix | undefined {
  const slash = text.lastIndexOf("/");
  if (slash < 0 || !PREFIX_BITS.test(text.slice(slash + 1))) return undefined;
  const address = parseIpAddress(text.slice(0, slash));
  const bits = Number(text.slice(slash + 1));
  if (address === undefined || address.zone !== "" || bits > address.bytes.length * 8) return undefined;
  return { address, bits };
}

/** `Addr ==`: same family, bytes and zone; an IPv4-mapped IPv6 address is not its IPv4 address. */
export function sameIpAddress(a: IpAddress, b: IpAddress): boolean {
  return a.family === b.family && a.zone === b.zone && a.bytes.every((byte, i) => byte === b.bytes[i]);
}

/** `Prefix.Contains`: families must match and a zoned address is never contained. */
export function prefixContains(prefix: IpPrefix, ip: IpAddress): boolean {
  if (ip.family !== prefix.address.family || ip.zone !== "") return false;
  for (let bit = 0; bit < prefix.bits; bit++) {
    const mask = 0x80 >> bit % 8;
    const byte = Math.floor(bit / 8);
    if ((ip.bytes[byte] & mask) !== (prefix.address.bytes[byte] & mask)) return false;
  }
  return true;
}
