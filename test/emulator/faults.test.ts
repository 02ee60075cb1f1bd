import { ListSIPDispatchRuleRequest, ListSIPInboundTrunkRequest } from "@livekit/protocol";
import { SipClient } from "livekit-server-sdk";
import { startEmulator, type FaultOptions } from "../../src/emulator";
import { useEmulator } from "./support/emulator";
import { inbound } from "./support/fixtures";
import { post, rpc } from "./support/rpc";

/** Fault injection and latency for reliability tests. */

const LIST = "/twirp/livekit.SIP/ListSIPInboundTrunk";

describe("fault injection", () => {
  const emulator = useEmulator();
  const url = () => emulator().url;

  const statuses = async (count: number) => {
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push((await post(url(), LIST)).status);
    return out;
  };

  it("fails the same requests for the same seed, and others for another seed", async () => {
    const faults: FaultOptions = { rate: 0.5, seed: 42 };
    emulator().setFaults(faults);
    const first = await statuses(40);
    expect(new Set(first)).toEqual(new Set([200, 503]));
    emulator().setFaults(faults);
    expect(await statuses(40)).toEqual(first);

    const other = await startEmulator({ port: 0, faults });
    try {
      const fresh: number[] = [];
      for (let i = 0; i < 40; i++) fresh.push((await post(other.url, LIST)).status);
      expect(fresh).toEqual(first);
    } finally {
      await other.close();
    }

    emulator().setFaults({ ...faults, seed: 43 });
    expect(await statuses(40)).not.toEqual(first);
  });

  it("fails about the requested fraction, and counts what it injected", async () => {
    emulator().setFaults({ rate: 0.25, seed: 7 });
    const failed = (await statuses(200)).filter((s) => s === 503).length;
    expect(failed).toBeGreaterThan(30);
    expect(failed).toBeLessThan(70);
    expect(emulator().stats().faults).toEqual({ unavailable: failed });
  });

  it.each([
    ["unavailable", 503, "unavailable", undefined],
    ["resource_exhausted", 403, "resource_exhausted", undefined],
    ["rate_limited", 429, "resource_exhausted", "1"],
  ] as const)("answers %s as HTTP %i with a Twirp %s body", async (kind, status, code, retryAfter) => {
    emulator().setFaults({ rate: 1, kinds: [kind] });
    const res = await post(url(), LIST);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect((JSON.parse(res.text) as { code: string }).code).toBe(code);
    expect(res.headers.get("retry-after") ?? undefined).toBe(retryAfter);
  });

  it("drops the connection without an answer", async () => {
    emulator().setFaults({ rate: 1, kinds: ["drop"] });
    await expect(post(url(), LIST)).rejects.toThrow();
    await expect(new SipClient(url(), "devkey", "secret").listSipInboundTrunk()).rejects.toThrow();
  });

  it("applies the change and then fails, with timing after", async () => {
    emulator().setFaults({ rate: 1, timing: "after", kinds: ["unavailable", "drop"], seed: 3 });
    const results = await Promise.allSettled([0, 1, 2, 3].map((n) => rpc(url(), "CreateSIPInboundTrunk", inbound({ numbers: [`+1555000${n}`] }))));
    expect(results.every((r) => r.status === "rejected" || r.value.status === 503)).toBe(true);
    expect(emulator().store.list("inboundTrunk")).toHaveLength(4);
  });

  it("leaves state untouched with timing before", async () => {
    emulator().setFaults({ rate: 1, timing: "before" });
    expect((await rpc(url(), "CreateSIPInboundTrunk", inbound())).status).toBe(503);
    expect(emulator().store.list("inboundTrunk")).toHaveLength(0);
  });

  it("mixes both timings with timing either", async () => {
    emulator().setFaults({ rate: 1, timing: "either", seed: 11 });
    for (let i = 0; i < 20; i++) await rpc(url(), "CreateSIPInboundTrunk", inbound({ numbers: [`+1555${1000 + i}`] }));
    const applied = emulator().store.list("inboundTrunk").length;
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(20);
  });

  it.each([
    ["mutating", [503, 200, 200]],
    ["read", [200, 503, 503]],
    [["ListSIPDispatchRule"], [200, 200, 503]],
  ] as const)("selects methods: %j", async (methods, expected) => {
    emulator().setFaults({ rate: 1, methods: methods as FaultOptions["methods"] });
    const got = [
      (await rpc(url(), "CreateSIPInboundTrunk", inbound())).status,
      (await rpc(url(), "ListSIPInboundTrunk", new ListSIPInboundTrunkRequest())).status,
      (await rpc(url(), "ListSIPDispatchRule", new ListSIPDispatchRuleRequest())).status,
    ];
    expect(got).toEqual(expected);
  });

  it("never fails requests outside the SIP service", async () => {
    emulator().setFaults({ rate: 1 });
    expect((await fetch(`${url()}/`)).status).toBe(200);
  });

  it.each([
    [{ rate: 1.5 }, "fault rate must be between 0 and 1"],
    [{ rate: 0.5, kinds: ["explode"] }, "unknown fault kind explode"],
    [{ rate: 0.5, kinds: [] }, "at least one fault kind is needed"],
    [{ rate: 0.5, methods: ["CreateSIPTrunk"] }, "unknown method(s) for fault injection: CreateSIPTrunk"],
  ])("refuses bad settings %j", (faults, message) => {
    expect(() => emulator().setFaults(faults as FaultOptions)).toThrow(message);
  });
});

describe("latency", () => {
  const emulator = useEmulator();

  const timed = async () => {
    const started = performance.now();
    await post(emulator().url, LIST);
    return performance.now() - started;
  };

  it("delays every request by a fixed amount", async () => {
    emulator().setFaults(undefined, 60);
    expect(await timed()).toBeGreaterThanOrEqual(59);
  });

  it("delays by a seeded amount within a range", async () => {
    emulator().setFaults(undefined, { minMs: 20, maxMs: 40 });
    for (let i = 0; i < 5; i++) {
      const ms = await timed();
      expect(ms).toBeGreaterThanOrEqual(19);
      expect(ms).toBeLessThan(400);
    }
  });
});
