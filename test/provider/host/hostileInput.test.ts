import { startHostAndEmulator, type HostAndEmulator } from "../../support/livekitStack";

let env: HostAndEmulator;
beforeAll(async () => {
  env = await startHostAndEmulator();
});
afterAll(() => env?.close());

const base = { numbers: ["+14155550100"], allowedAddresses: ["192.0.2.10"] };
const huge = "x".repeat(1_000_000);
const manyNumbers = Array.from({ length: 10_000 }, (_, i) => `+1415${String(5_000_000 + i)}`);

/** Each hostile input and what must happen to it: a failure on the named property, or acceptance. */
const cases: [string, Record<string, unknown>, string | "accepted"][] = [
  ["a 1 MB name", { ...base, name: huge }, "name"],
  ["a 1 MB metadata", { ...base, metadata: huge }, "metadata"],
  ["a 1 MB header value", { ...base, headers: { "X-Big": huge } }, "headers"],
  ["control characters in a header value", { ...base, headers: { "X-Evil": "a\r\nInjected: yes" } }, "headers"],
  ["control characters in a number", { ...base, numbers: ["+1415555\u00000100"] }, "numbers[0]"],
  ["a fullwidth-digit look-alike number", { ...base, numbers: ["+１４１５５５５０１００"] }, "numbers[0]"],
  ["a Cyrillic look-alike header name", { ...base, headers: { "X-Аccount": "1" } }, "headers"],
  ["a right-to-left override in the name", { ...base, name: "trunk\u202Egnp.exe" }, "name"],
  ["a C1 escape introducer (U+009B) in the name", { ...base, name: "trunk\u009B31m" }, "name"],
  ["a next-line character (U+0085) in the name", { ...base, name: "trunk\u0085two" }, "name"],
  ["a line separator (U+2028) in the name", { ...base, name: "trunk\u2028two" }, "name"],
  ["a paragraph separator (U+2029) in an auth user name", { ...base, authUsername: "u\u2029v", authPassword: "p" }, "authUsername"],
  ["a 1 MB header name", { ...base, headers: { [huge]: "1" } }, "headers"],
  ["a C1 control in a header name", { ...base, headers: { "X-A\u009B": "1" } }, "headers"],
  ["10,000 numbers", { ...base, numbers: manyNumbers }, "accepted"],
  ["10,000 allowed addresses", { ...base, allowedAddresses: Array.from({ length: 10_000 }, (_, i) => `10.${i >> 8}.${i & 255}.1`) }, "accepted"],
  // Pulumi's Struct conversion drops a __proto__ key on the way in; it never reaches the provider.
  ["a __proto__ header", { ...base, headers: JSON.parse('{"__proto__": "x"}') }, "accepted"],
  ["a constructor attribute mapping", { ...base, headersToAttributes: { "X-A": "constructor" }, attributesToHeaders: { constructor: "X-B" } }, "attributesToHeaders"],
  ["a __proto__ property", JSON.parse('{"numbers": ["+14155550100"], "__proto__": {"polluted": true}}'), "accepted"],
  ["a nested array where a string belongs", { ...base, name: [[["deep"]]] }, "name"],
  ["a number where a list belongs", { ...base, numbers: 1e308 }, "numbers"],
];

describe("hostile input through check in the real provider host", () => {
  it.each(cases)("%s is rejected with a clear message or handled", async (_, args, expected) => {
    const started = Date.now();
    const result = await env.host.check(env.urn("InboundTrunk", "hostile"), {}, { ...args, __provider: await env.providerText("InboundTrunk") });
    expect(Date.now() - started).toBeLessThan(5_000);
    if (expected === "accepted") {
      expect(result.failures).toEqual([]);
    } else {
      const failure = result.failures.find((f) => f.property.startsWith(expected));
      expect(failure).toBeDefined();
      expect(failure!.reason.length).toBeLessThan(400);
      expect(failure!.reason).not.toContain(huge.slice(0, 100));
    }
  });

  it("reports 10,000 copies of one number as one problem, counted", async () => {
    const result = await env.host.check(env.urn("InboundTrunk", "hostile"), {}, { ...base, numbers: Array(10_000).fill("+14155550100"), __provider: await env.providerText("InboundTrunk") });
    expect(result.failures).toEqual([
      { property: "numbers[1]", reason: expect.stringMatching(/^"\+14155550100" is the same number as entry 0 .*\(the same at numbers\[2\], numbers\[3\], numbers\[4\], … \(9,998 in all\)\)$/) },
    ]);
  });

  it("echoes at most a line of a 100,000-character property name", async () => {
    const name = "y".repeat(100_000);
    const result = await env.host.check(env.urn("InboundTrunk", "hostile"), {}, { ...base, [name]: 1, __provider: await env.providerText("InboundTrunk") });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0].property.length).toBeLessThanOrEqual(121);
    expect(result.failures[0].reason).toMatch(/^unknown property "y{60}…"/);
    expect(result.failures[0].reason.length).toBeLessThan(400);
  });

  it("bounds a report of many distinct problems, saying how many were left out", async () => {
    const numbers = Array.from({ length: 200 }, (_, i) => `+1415555${String(i).padStart(4, "0")}x`);
    const result = await env.host.check(env.urn("InboundTrunk", "hostile"), {}, { ...base, numbers, __provider: await env.providerText("InboundTrunk") });
    expect(result.failures).toHaveLength(50);
    expect(result.failures[49]).toEqual({ property: "", reason: "151 more problems not shown; fix those above and check again" });
    expect(JSON.stringify(result.failures).length).toBeLessThan(20_000);
  });

  it("leaves the host healthy and unpolluted: a valid trunk still creates normally", async () => {
    const text = await env.providerText("InboundTrunk");
    const created = await env.host.create(env.urn("InboundTrunk", "after"), { ...base, __provider: text, __resourceName: "after" });
    expect(created.id).toMatch(/^ST_/);
    expect(created.outs.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(env.emulator.stats().byMethod.CreateSIPInboundTrunk).toBe(1);
  });
});
