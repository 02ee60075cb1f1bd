import { LiveKitApiError, LiveKitTransportError, isTransient } from "../../src/client/errors";
import { backoffMs, withRetries, type RetryPolicy } from "../../src/client/retry";

const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy & { lines: string[]; slept: number[] } => {
  const lines: string[] = [];
  const slept: number[] = [];
  return {
    maxRetries: 3,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    log: (l) => lines.push(l),
    sleep: async (ms) => void slept.push(ms),
    random: () => 1,
    lines,
    slept,
    ...overrides,
  };
};
const unavailable = new LiveKitApiError("GetSIPInboundTrunk", 503, "unavailable", "try later");
const invalid = new LiveKitApiError("CreateSIPInboundTrunk", 400, "invalid_argument", "Conflicting inbound SIP Trunks");

describe("isTransient", () => {
  it.each([
    ["503 unavailable", unavailable, true],
    ["429 rate limited", new LiveKitApiError("m", 429, "resource_exhausted", "slow down"), true],
    ["403 resource_exhausted (LiveKit's Twirp mapping)", new LiveKitApiError("m", 403, "resource_exhausted", "quota"), true],
    ["no answer", new LiveKitTransportError("m", new Error("socket hang up")), true],
    ["validation or conflict", invalid, false],
    ["not found", new LiveKitApiError("m", 404, "not_found", "gone"), false],
    ["permissions", new LiveKitApiError("m", 401, "unauthenticated", "permissions denied"), false],
  ])("%s → %s", (_, error, expected) => expect(isTransient(error)).toBe(expected));
});

describe("withRetries", () => {
  it("retries transient failures with exponential backoff, logging each retry once", async () => {
    const p = policy();
    let calls = 0;
    const result = await withRetries(p, "GetSIPInboundTrunk", async () => {
      if (++calls < 4) throw unavailable;
      return "ok";
    });
    expect(result).toBe("ok");
    expect(p.slept).toEqual([100, 200, 400]);
    expect(p.lines).toEqual([
      "livekit: GetSIPInboundTrunk failed (try later (unavailable)); retry 1/3 in 100 ms",
      "livekit: GetSIPInboundTrunk failed (try later (unavailable)); retry 2/3 in 200 ms",
      "livekit: GetSIPInboundTrunk failed (try later (unavailable)); retry 3/3 in 400 ms",
    ]);
  });

  it("gives up after maxRetries and throws the last error", async () => {
    const p = policy({ maxRetries: 2 });
    let calls = 0;
    await expect(withRetries(p, "m", async () => (calls++, Promise.reject(unavailable)))).rejects.toBe(unavailable);
    expect(calls).toBe(3);
  });

  it("never retries validation or conflict errors", async () => {
    const p = policy();
    let calls = 0;
    await expect(withRetries(p, "m", async () => (calls++, Promise.reject(invalid)))).rejects.toBe(invalid);
    expect(calls).toBe(1);
    expect(p.lines).toEqual([]);
  });

  it("lets beforeRetry settle the outcome instead of trying again", async () => {
    let calls = 0;
    const result = await withRetries(policy(), "create", async () => (calls++, Promise.reject(unavailable)), async () => "found it");
    expect([result, calls]).toEqual(["found it", 1]);
  });
});

describe("backoffMs", () => {
  it("is jittered below the exponential ceiling, capped, and honours Retry-After", () => {
    const p = policy({ random: () => 0.5 });
    expect(backoffMs(p, 0, unavailable)).toBe(50);
    expect(backoffMs(p, 10, unavailable)).toBe(500);
    expect(backoffMs(p, 0, new LiveKitApiError("m", 429, "resource_exhausted", "x", {}, 800))).toBe(800);
    expect(backoffMs(p, 0, new LiveKitApiError("m", 429, "resource_exhausted", "x", {}, 60_000))).toBe(1000);
  });
});
