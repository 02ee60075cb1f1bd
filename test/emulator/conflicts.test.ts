import type { PartialMessage } from "@bufbuild/protobuf";
import {
  SIPDispatchRuleInfo,
  SIPInboundTrunkInfo,
  UpdateSIPDispatchRuleRequest,
  UpdateSIPInboundTrunkRequest,
  CreateSIPDispatchRuleRequest,
} from "@livekit/protocol";
import { startEmulator } from "../../src/emulator";
import { byId, useEmulator } from "./support/emulator";
import { callee, createInbound, createOutbound, createRule, direct, inbound, individual, rule } from "./support/fixtures";
import { ENCODINGS, rpc } from "./support/rpc";

/** Conflict rules between inbound trunks and between dispatch rules (research §2.8). */

const trunkConflict = (a: string, b: string, numbers: string, tail = "without AllowedNumbers set") =>
  `Conflicting inbound SIP Trunks: "${a}" and "${b}", using the same number(s) ${numbers} ${tail}`;

const ruleConflict = (id: string, name: string) =>
  `Dispatch rule for the same trunk, inbound number, number, and PIN combination already exists in dispatch rule "${id}" "${name}"`;

describe("inbound trunk conflicts", () => {
  const emulator = useEmulator();
  const url = () => emulator().url;
  const create = (fields: PartialMessage<SIPInboundTrunkInfo>) => rpc(url(), "CreateSIPInboundTrunk", inbound(fields));

  it.each(ENCODINGS)("refuses a second trunk on the same number (%s) and names both trunks", async (encoding) => {
    const first = await createInbound(url(), { numbers: ["+15550100"] });
    const res = await rpc(url(), "CreateSIPInboundTrunk", inbound({ numbers: ["+15550100"] }), encoding);
    expect(res.status).toBe(400);
    expect(res.error).toEqual({
      code: "invalid_argument",
      msg: trunkConflict("<new>", first.sipTrunkId, '["+15550100"]'),
    });
    // Go's encoding/json escapes < and > in the raw error body.
    expect(res.text).toContain('\\"\\u003cnew\\u003e\\"');
    expect(emulator().store.list("inboundTrunk")).toHaveLength(1);
  });

  it.each([
    ["15550100", '["15550100"]'],
    ["+1 555-0100", '["+1 555-0100"]'],
    ["(1555) 0100", '["(1555) 0100"]'],
  ])("treats %s as the same number as +15550100", async (spelling, printed) => {
    const first = await createInbound(url(), { numbers: ["+15550100"] });
    const res = await create({ numbers: [spelling] });
    expect(res.error?.msg).toBe(trunkConflict("<new>", first.sipTrunkId, printed));
  });

  it("does not separate trunks by allowed addresses or credentials", async () => {
    await createInbound(url(), { numbers: ["+15550100"], allowedAddresses: ["10.0.0.1"], authUsername: "a", authPassword: "a" });
    const res = await create({ numbers: ["+15550100"], allowedAddresses: ["192.168.0.1"], authUsername: "b", authPassword: "b" });
    expect(res.status).toBe(400);
  });

  it("allows the same number when only one trunk restricts callers", async () => {
    await createInbound(url(), { numbers: ["+15550100"] });
    const res = await create({ numbers: ["+15550100"], allowedNumbers: ["+19990000"] });
    expect(res.status).toBe(200);
  });

  it("refuses overlapping allowed numbers, quoting the new trunk's own spelling", async () => {
    const first = await createInbound(url(), { numbers: ["+15550100"], allowedNumbers: ["+19990000", "+18880000"] });
    const res = await create({ numbers: ["+15550100"], allowedNumbers: ["+17770000", "1 999 0000"] });
    expect(res.error?.msg).toBe(trunkConflict("<new>", first.sipTrunkId, '["+15550100"]', 'and AllowedNumber "1 999 0000"'));
  });

  it("allows disjoint allowed numbers on the same number", async () => {
    await createInbound(url(), { numbers: ["+15550100"], allowedNumbers: ["+19990000"] });
    expect((await create({ numbers: ["+15550100"], allowedNumbers: ["+18880000"] })).status).toBe(200);
  });

  it("refuses a second trunk without numbers, printing <any>", async () => {
    const first = await createInbound(url(), { numbers: [], authUsername: "u", authPassword: "p" });
    const res = await create({ numbers: [], allowedAddresses: ["10.0.0.0/8"] });
    expect(res.error?.msg).toBe(trunkConflict("<new>", first.sipTrunkId, "<any>"));
  });

  it("lets a trunk without numbers coexist with number-specific trunks", async () => {
    await createInbound(url(), { numbers: ["+15550100"] });
    expect((await create({ numbers: [], authUsername: "u" })).status).toBe(200);
    expect((await create({ numbers: ["+15550101"] })).status).toBe(200);
  });

  it("accepts the same number listed twice in one trunk, in any spelling", async () => {
    expect((await create({ numbers: ["+15550100", "15550100", "+1 555 0100"] })).status).toBe(200);
  });

  it("prints several numbers the way Go's %q prints a slice", async () => {
    const first = await createInbound(url(), { numbers: ["+15550102"] });
    const res = await create({ numbers: ["+15550101", "+15550102"] });
    expect(res.error?.msg).toBe(trunkConflict("<new>", first.sipTrunkId, '["+15550101" "+15550102"]'));
  });

  it('walks S1, NEW, S2…: a conflict with a later trunk is reported as "S2" and "<new>"', async () => {
    const a = await createInbound(url(), { numbers: ["+15550001"], allowedNumbers: ["+19990001"] });
    const b = await createInbound(url(), { numbers: ["+15550001"], allowedNumbers: ["+19990002"] });
    const s2 = byId([a.sipTrunkId, b.sipTrunkId])[1];
    const s2Allowed = s2 === a.sipTrunkId ? "+19990001" : "+19990002";
    const res = await create({ numbers: ["+15550001"], allowedNumbers: [s2Allowed] });
    expect(res.error?.msg).toBe(trunkConflict(s2, "<new>", '["+15550001"]', `and AllowedNumber "${s2Allowed}"`));
  });

  it("compares only stored trunks sharing a number (or without numbers)", async () => {
    const shared = await createInbound(url(), { numbers: ["+15550001"] });
    await createInbound(url(), { numbers: ["+15550002"] });
    // With one compared trunk the walk is S1, NEW whatever the IDs of the others.
    const res = await create({ numbers: ["+15550001", "+15559999"] });
    expect(res.error?.msg).toBe(trunkConflict("<new>", shared.sipTrunkId, '["+15550001" "+15559999"]'));
  });

  it("never compares outbound trunks", async () => {
    await createOutbound(url(), { numbers: ["+15550100"] });
    await createOutbound(url(), { numbers: ["+15550100"] });
    expect((await create({ numbers: ["+15550100"] })).status).toBe(200);
  });

  describe("on update", () => {
    const update = (id: string, numbers: string[]) =>
      rpc(url(), "UpdateSIPInboundTrunk", new UpdateSIPInboundTrunkRequest({ sipTrunkId: id, action: { case: "update", value: { numbers: { set: numbers } } } }));

    it("does not conflict with itself", async () => {
      const t = await createInbound(url(), { numbers: ["+15550100"] });
      expect((await update(t.sipTrunkId, ["15550100", "+15550101"])).status).toBe(200);
    });

    it("walks stored trunks in ID order with the updated version swapped in", async () => {
      const a = await createInbound(url(), { numbers: ["+15550001"] });
      const b = await createInbound(url(), { numbers: ["+15550002"] });
      const res = await update(b.sipTrunkId, ["+15550002", "+15550001"]);
      const expected =
        a.sipTrunkId < b.sipTrunkId
          ? trunkConflict(b.sipTrunkId, a.sipTrunkId, '["+15550002" "+15550001"]')
          : trunkConflict(a.sipTrunkId, b.sipTrunkId, '["+15550001"]');
      expect(res.error?.msg).toBe(expected);
    });

    it("lets an update that moves a trunk to disjoint numbers through: LiveKit's update gap", async () => {
      await createInbound(url(), { numbers: ["+15550001"] });
      const b = await createInbound(url(), { numbers: ["+15550002"] });
      const res = await update(b.sipTrunkId, ["+15550001"]);
      expect(res.status).toBe(200);
      expect(emulator().store.get("inboundTrunk", b.sipTrunkId)?.["numbers"]).toEqual(["+15550001"]);
    });
  });
});

describe("dispatch rule conflicts", () => {
  const emulator = useEmulator();
  const url = () => emulator().url;
  const create = (fields: PartialMessage<SIPDispatchRuleInfo>) => rpc(url(), "CreateSIPDispatchRule", rule(fields));

  /**
   * A new-form create compares every stored rule, walked as S1, NEW, S2…: the message names the
   * conflicting stored rule only when it is S1; a later one meets the new rule's keys first.
   */
  const expectedConflict = (conflicting: SIPDispatchRuleInfo, newName = "<blank name>") => {
    const first = emulator().store.list("dispatchRule")[0]["sip_dispatch_rule_id"];
    return first === conflicting.sipDispatchRuleId ? ruleConflict(conflicting.sipDispatchRuleId, conflicting.name || "<blank name>") : ruleConflict("<new>", newName);
  };

  it.each(ENCODINGS)("refuses the same trunk and PIN (%s), naming the stored rule", async (encoding) => {
    const first = await createRule(url(), { name: "office", trunkIds: ["ST_a"], rule: direct("room", "1234") });
    const res = await rpc(url(), "CreateSIPDispatchRule", rule({ trunkIds: ["ST_a"], rule: direct("other", "1234") }), encoding);
    expect(res.status).toBe(400);
    expect(res.error).toEqual({ code: "invalid_argument", msg: ruleConflict(first.sipDispatchRuleId, "office") });
  });

  it("prints <blank name> for a rule without name", async () => {
    const first = await createRule(url(), { trunkIds: ["ST_a"] });
    expect((await create({ trunkIds: ["ST_a"] })).error?.msg).toBe(ruleConflict(first.sipDispatchRuleId, "<blank name>"));
  });

  it.each([
    ["individual", individual("p")],
    ["callee", callee("p")],
  ])("ignores the rule kind: direct vs %s conflict", async (_kind, variant) => {
    await createRule(url(), { trunkIds: ["ST_a"], rule: direct("room", "1") });
    expect((await create({ trunkIds: ["ST_a"], rule: { rule: { ...variant.rule, value: { ...variant.rule.value, pin: "1" } } } })).status).toBe(400);
  });

  it.each([
    ["different PINs", direct("r", "1111"), direct("r", "2222")],
    ["an open rule and a pinned one", direct("r", ""), direct("r", "1234")],
  ])("allows %s on the same scope", async (_name, a, b) => {
    await createRule(url(), { trunkIds: ["ST_a"], rule: a });
    expect((await create({ trunkIds: ["ST_a"], rule: b })).status).toBe(200);
  });

  it("compares rules without trunks only with each other", async () => {
    const wildcard = await createRule(url(), { name: "any" });
    expect((await create({ trunkIds: ["ST_a"] })).status).toBe(200);
    const expected = expectedConflict(wildcard);
    expect((await create({})).error?.msg).toBe(expected);
  });

  it("conflicts on any shared trunk and not on disjoint ones", async () => {
    const first = await createRule(url(), { name: "one", trunkIds: ["ST_1"] });
    expect((await create({ trunkIds: ["ST_2"] })).status).toBe(200);
    const expected = expectedConflict(first);
    expect((await create({ trunkIds: ["ST_3", "ST_1"] })).error?.msg).toBe(expected);
  });

  it.each([
    ["caller", "inboundNumbers"],
    ["called", "numbers"],
  ] as const)("narrows the key by %s numbers, normalised", async (_name, field) => {
    const first = await createRule(url(), { name: "n", trunkIds: ["ST_a"], [field]: ["+19990000"] });
    expect((await create({ trunkIds: ["ST_a"] })).status).toBe(200);
    expect((await create({ trunkIds: ["ST_a"], [field]: ["+18880000"] })).status).toBe(200);
    const expected = expectedConflict(first);
    expect((await create({ trunkIds: ["ST_a"], [field]: ["1 999 0000"] })).error?.msg).toBe(expected);
  });

  it.each([
    ["a trunk listed twice", { trunkIds: ["ST_1", "ST_1"] }],
    ["a number in two spellings", { numbers: ["+15550100", "15550100"] }],
  ])("makes a rule with %s conflict with itself", async (_name, fields) => {
    expect((await create({ name: "self", ...fields })).error?.msg).toBe(ruleConflict("<new>", "self"));
  });

  it('walks S1, NEW, S2…: a conflict with a later rule names the new one as "<new>"', async () => {
    const a = await createRule(url(), { name: "a", trunkIds: ["ST_a"] });
    const b = await createRule(url(), { name: "b", trunkIds: ["ST_b"] });
    const s2 = byId([a.sipDispatchRuleId, b.sipDispatchRuleId])[1];
    const res = await create({ name: "new", trunkIds: [s2 === a.sipDispatchRuleId ? "ST_a" : "ST_b"] });
    expect(res.error?.msg).toBe(ruleConflict("<new>", "new"));
  });

  it("compares every stored rule for the new request form, only matching ones for the legacy form", async () => {
    // Two stored rules that conflict with each other, made through LiveKit's update gap.
    const a = await createRule(url(), { name: "a", trunkIds: ["ST_a"] });
    const b = await createRule(url(), { name: "b", trunkIds: ["ST_x"] });
    const move = new UpdateSIPDispatchRuleRequest({ sipDispatchRuleId: b.sipDispatchRuleId, action: { case: "update", value: { trunkIds: { set: ["ST_a"] } } } });
    expect((await rpc(url(), "UpdateSIPDispatchRule", move)).status).toBe(200);
    const legacy = new CreateSIPDispatchRuleRequest({ rule: direct("r"), trunkIds: ["ST_b"] });
    expect((await rpc(url(), "CreateSIPDispatchRule", legacy)).status).toBe(200);
    const res = await create({ trunkIds: ["ST_c"] });
    const first = a.sipDispatchRuleId < b.sipDispatchRuleId ? a : b;
    expect(res.error?.msg).toBe(ruleConflict(first.sipDispatchRuleId, first.name));
  });

  describe("on update", () => {
    const setTrunks = (id: string, trunkIds: string[]) =>
      rpc(url(), "UpdateSIPDispatchRule", new UpdateSIPDispatchRuleRequest({ sipDispatchRuleId: id, action: { case: "update", value: { trunkIds: { set: trunkIds } } } }));

    it("does not conflict with itself", async () => {
      const r = await createRule(url(), { trunkIds: ["ST_a"] });
      expect((await setTrunks(r.sipDispatchRuleId, ["ST_a", "ST_b"])).status).toBe(200);
    });

    it("lets an update that moves a rule to disjoint trunks through: LiveKit's update gap", async () => {
      await createRule(url(), { name: "a", trunkIds: ["ST_a"] });
      const b = await createRule(url(), { name: "b", trunkIds: ["ST_b"] });
      expect((await setTrunks(b.sipDispatchRuleId, ["ST_a"])).status).toBe(200);
    });
  });
});

describe("in cloud mode, updates that move a resource are conflict-checked too", () => {
  it("refuses the updates the open-source server lets through, naming the other resource", async () => {
    const emulator = await startEmulator({ port: 0, mode: "cloud" });
    try {
      const url = emulator.url;
      const a = await createInbound(url, { numbers: ["+15550001"] });
      const t = await createInbound(url, { numbers: ["+15550002"] });
      const moveTrunk = new UpdateSIPInboundTrunkRequest({ sipTrunkId: t.sipTrunkId, action: { case: "update", value: { numbers: { set: ["+15550001"] } } } });
      const refused = await rpc(url, "UpdateSIPInboundTrunk", moveTrunk);
      expect(refused.status).toBe(400);
      expect(refused.error?.msg).toMatch(/^Conflicting inbound SIP Trunks: /);
      expect(refused.error?.msg).toContain(a.sipTrunkId);
      expect(emulator.store.get("inboundTrunk", t.sipTrunkId)?.["numbers"]).toEqual(["+15550002"]);

      const ra = await createRule(url, { name: "a", trunkIds: ["ST_a"] });
      const rb = await createRule(url, { name: "b", trunkIds: ["ST_b"] });
      const moveRule = new UpdateSIPDispatchRuleRequest({ sipDispatchRuleId: rb.sipDispatchRuleId, action: { case: "update", value: { trunkIds: { set: ["ST_a"] } } } });
      const res = await rpc(url, "UpdateSIPDispatchRule", moveRule);
      expect(res.status).toBe(400);
      const expected = ra.sipDispatchRuleId < rb.sipDispatchRuleId ? ruleConflict(ra.sipDispatchRuleId, "a") : ruleConflict(rb.sipDispatchRuleId, "b");
      expect(res.error?.msg).toBe(expected);
    } finally {
      await emulator.close();
    }
  });

  it("ossUpdateConflictGap: true restores the gap in cloud mode", async () => {
    const emulator = await startEmulator({ port: 0, mode: "cloud", ossUpdateConflictGap: true });
    try {
      await createInbound(emulator.url, { numbers: ["+15550001"] });
      const t = await createInbound(emulator.url, { numbers: ["+15550002"] });
      const moveTrunk = new UpdateSIPInboundTrunkRequest({ sipTrunkId: t.sipTrunkId, action: { case: "update", value: { numbers: { set: ["+15550001"] } } } });
      expect((await rpc(emulator.url, "UpdateSIPInboundTrunk", moveTrunk)).status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});
