import { startHostAndEmulator, type HostAndEmulator } from "../support/livekitStack";

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
  ["a right-to-left override in the name", { ...base, name: "trunk\u202Egnp.exe" }, "accepted"],
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

  it("leaves the host healthy and unpolluted: a valid trunk still creates normally", async () => {
    const text = await env.providerText("InboundTrunk");
    const created = await env.host.create(env.urn("InboundTrunk", "after"), { ...base, __provider: text, __resourceName: "after" });
    expect(created.id).toMatch(/^ST_/);
    expect(created.outs.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(env.emulator.stats().byMethod.CreateSIPInboundTrunk).toBe(1);
  });
});
