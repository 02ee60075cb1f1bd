import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListSIPInboundTrunkRequest, UpdateSIPInboundTrunkRequest } from "@livekit/protocol";
import { useEmulator } from "./support/emulator";
import { createInbound, inbound, rule } from "./support/fixtures";
import { ok, rpc } from "./support/rpc";

/** Serialized mutations, the out-of-band store handle and the request counters. */

const durableDir = mkdtempSync(join(tmpdir(), "livekit-sip-concurrency-"));
afterAll(() => rmSync(durableDir, { recursive: true, force: true }));

// Durable, a write is checked while earlier ones still wait for their (shared) sync: the checks
// must see those too.
describe.each([
  ["in memory", {}],
  ["durable", { statePath: join(durableDir, "state.json") }],
])("concurrency, %s", (_, storage) => {
  // Cloud mode: updates that move a trunk are conflict-checked, so racing moves can conflict.
  const emulator = useEmulator({ mode: "cloud", ...storage });
  const url = () => emulator().url;

  it("never stores two conflicting trunks, however many requests race", async () => {
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => rpc(url(), "CreateSIPInboundTrunk", inbound({ name: `t${i}`, numbers: ["+15550100"] }))));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.error?.code === "invalid_argument")).toHaveLength(24);
    expect(emulator().store.list("inboundTrunk")).toHaveLength(1);
  });

  it("never stores two conflicting dispatch rules", async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => rpc(url(), "CreateSIPDispatchRule", rule({ trunkIds: ["ST_a"] }))));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(emulator().store.list("dispatchRule")).toHaveLength(1);
  });

  it("checks racing updates against each other's results", async () => {
    const trunks = await Promise.all([1, 2, 3, 4].map((n) => createInbound(url(), { numbers: [`+1555000${n}`] })));
    const moves = trunks.map((t) =>
      rpc(url(), "UpdateSIPInboundTrunk", new UpdateSIPInboundTrunkRequest({ sipTrunkId: t.sipTrunkId, action: { case: "update", value: { numbers: { set: ["+15559999"] } } } })),
    );
    const results = await Promise.all(moves);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it("lets independent creates all succeed", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => rpc(url(), "CreateSIPInboundTrunk", inbound({ numbers: [`+1555${1000 + i}`] }))));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(new Set(emulator().store.list("inboundTrunk").map((t) => t["sip_trunk_id"])).size).toBe(30);
  });
});

describe("out-of-band store access", () => {
  const emulator = useEmulator();
  const url = () => emulator().url;

  it("puts resources the API would refuse, which the API then serves (drift)", async () => {
    const store = emulator().store;
    await store.put("inboundTrunk", { sipTrunkId: "ST_drift1", numbers: ["+1"] });
    await store.put("inboundTrunk", { sip_trunk_id: "ST_drift2", numbers: ["+1"] });
    const list = await ok(url(), "ListSIPInboundTrunk", new ListSIPInboundTrunkRequest());
    expect(list.toJson()).toEqual({ items: [expect.objectContaining({ sipTrunkId: "ST_drift1" }), expect.objectContaining({ sipTrunkId: "ST_drift2" })] });
    // A trunk that fits between them (its own caller slot) still trips over the stored conflict.
    const res = await rpc(url(), "CreateSIPInboundTrunk", inbound({ numbers: ["+1"], allowedNumbers: ["+9"] }));
    expect(res.error?.msg).toBe('Conflicting inbound SIP Trunks: "ST_drift2" and "ST_drift1", using the same number(s) ["+1"] without AllowedNumbers set');
  });

  it("lists, gets, deletes and clears in the wire shape", async () => {
    const store = emulator().store;
    const trunk = await createInbound(url(), { name: "x" });
    expect(store.get("inboundTrunk", trunk.sipTrunkId)).toMatchObject({ sip_trunk_id: trunk.sipTrunkId, name: "x", media: null });
    expect(store.get("outboundTrunk", trunk.sipTrunkId)).toBeUndefined();
    expect(await store.delete("inboundTrunk", trunk.sipTrunkId)).toBe(true);
    expect(await store.delete("inboundTrunk", trunk.sipTrunkId)).toBe(false);
    await store.put("dispatchRule", { sip_dispatch_rule_id: "SDR_x", rule: { dispatchRuleDirect: { roomName: "r" } } });
    await store.clear();
    expect([store.list("inboundTrunk"), store.list("dispatchRule")]).toEqual([[], []]);
  });

  it("refuses a resource without ID", async () => {
    await expect(emulator().store.put("outboundTrunk", { name: "x" })).rejects.toThrow("needs its ID");
  });
});

describe("stats", () => {
  const emulator = useEmulator();
  const url = () => emulator().url;

  it("counts requests per method, including failures and unknown paths", async () => {
    await createInbound(url());
    await rpc(url(), "CreateSIPInboundTrunk", inbound());
    await rpc(url(), "ListSIPInboundTrunk", new ListSIPInboundTrunkRequest());
    await fetch(`${url()}/`);
    await fetch(`${url()}/twirp/livekit.SIP/Nope`, { method: "POST" });
    expect(emulator().stats()).toEqual({ total: 5, other: 2, byMethod: { CreateSIPInboundTrunk: 2, ListSIPInboundTrunk: 1 }, faults: {} });
    emulator().resetStats();
    expect(emulator().stats()).toEqual({ total: 0, other: 0, byMethod: {}, faults: {} });
  });
});
