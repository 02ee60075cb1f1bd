import { lifecycle } from "../../src/provider/lifecycle";
import { definitions } from "../../src/resources";
import { UNKNOWN } from "../../src/schema/unknowns";
import { fullDispatchRule, fullInboundTrunk } from "../fixtures/fullArgs";

const noApi = () => {
  throw new Error("check and diff must not call LiveKit");
};
const trunk = lifecycle(definitions.InboundTrunk, noApi);
const rule = lifecycle(definitions.DispatchRule, noApi);
const outbound = lifecycle(definitions.OutboundTrunk, noApi);

describe("check", () => {
  it("accepts a full inbound trunk and returns the inputs unchanged", async () => {
    const news = { ...fullInboundTrunk, __provider: "x", __resourceName: "main" };
    expect(await trunk.check({}, news)).toEqual({ inputs: news });
  });

  it("reports every failure at once, each with its property path", async () => {
    const result = await trunk.check({}, { numbers: "+1415", ringingTimeout: -1, media: { codecs: [{ rate: 8000 }] }, includeHeaders: "some" });
    expect(result.failures?.map((f) => f.property).sort()).toEqual(["includeHeaders", "media.codecs[0].name", "numbers", "ringingTimeout"]);
    expect(result.failures?.find((f) => f.property === "includeHeaders")?.reason).toBe(
      'must be one of "none", "x-headers", "all", got the string "some"',
    );
    expect(result.failures?.find((f) => f.property === "media.codecs[0].name")?.reason).toBe(
      "expected a string, got nothing (the property is required)",
    );
  });

  it("suggests the intended property for a typo", async () => {
    const result = await trunk.check({}, { numbres: ["+14155550100"], numbers: ["+14155550100"] });
    expect(result.failures).toEqual([{ property: "numbres", reason: 'unknown property "numbres": did you mean "numbers"?' }]);
  });

  it("rejects an inbound trunk that would accept calls from anyone", async () => {
    const result = await trunk.check({}, { name: "open" });
    expect(result.failures).toEqual([expect.objectContaining({ property: "numbers", reason: expect.stringMatching(/must be restricted/) })]);
  });

  it("requires the rule of a dispatch rule and validates its variant", async () => {
    expect((await rule.check({}, { name: "x" })).failures?.map((f) => f.property)).toEqual(["rule"]);
    const wrongVariant = await rule.check({}, { rule: { type: "direct", roomPrefix: "x" } });
    expect(wrongVariant.failures?.map((f) => f.property).sort()).toEqual(["rule.roomName", "rule.roomPrefix"]);
  });

  it("requires an outbound trunk's address and numbers", async () => {
    const result = await outbound.check({}, { numbers: [] });
    expect(result.failures?.map((f) => f.property).sort()).toEqual(["address"]);
    const empty = await outbound.check({}, { address: "sip.example.com", numbers: [] });
    expect(empty.failures).toEqual([expect.objectContaining({ property: "numbers" })]);
  });

  it("accepts values unknown during preview and validates the known rest", async () => {
    const result = await rule.check({}, { rule: { type: "direct", roomName: UNKNOWN }, trunkIds: [UNKNOWN, "ST_x"] });
    expect(result.failures).toBeUndefined();
    const stillChecked = await rule.check({}, { rule: { type: "direct", roomName: "r" }, trunkIds: UNKNOWN, hidePhoneNumber: "yes" });
    expect(stillChecked.failures?.map((f) => f.property)).toEqual(["hidePhoneNumber"]);
  });

  it("validates adoptId as a LiveKit ID of the right kind", async () => {
    const result = await trunk.check({}, { numbers: ["+14155550100"], adoptId: "SDR_abc" });
    expect(result.failures).toEqual([expect.objectContaining({ property: "adoptId", reason: expect.stringMatching(/ST_/) })]);
  });

  it("never prints a secret value in a failure", async () => {
    const result = await trunk.check({}, { numbers: ["+14155550100"], authPassword: { nested: "hunter2-secret" } });
    expect(JSON.stringify(result.failures)).not.toContain("hunter2");
  });
});

describe("diff", () => {
  const olds = { ...fullDispatchRule, sipDispatchRuleId: "SDR_1", __provider: "old", __resourceName: "r", createdAt: "2026-01-01T00:00:00Z" };

  it("reports no change for the same inputs, whatever __provider and output-only fields say", async () => {
    expect(await rule.diff("SDR_1", olds, { ...fullDispatchRule, __provider: "new", __resourceName: "r" })).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("treats missing and LiveKit's default as equal, and ignores order where LiveKit does", async () => {
    const sparseOld = { rule: { type: "direct", roomName: "a", pin: "" }, name: "", trunkIds: ["ST_b", "ST_a"], attributes: {}, hidePhoneNumber: false };
    const sparseNew = { rule: { type: "direct", roomName: "a" }, trunkIds: ["ST_a", "ST_b"] };
    expect((await rule.diff("SDR_1", sparseOld, sparseNew)).changes).toBe(false);
  });

  it("reports a change, never a replacement, when a field differs", async () => {
    const result = await rule.diff("SDR_1", olds, { ...fullDispatchRule, rule: { ...fullDispatchRule.rule, pin: "9999" } });
    expect(result).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("keeps the order of agents and codecs significant", async () => {
    const agents = [{ agentName: "a" }, { agentName: "b" }];
    const result = await rule.diff(
      "SDR_1",
      { rule: { type: "direct", roomName: "x" }, roomConfig: { agents } },
      { rule: { type: "direct", roomName: "x" }, roomConfig: { agents: [...agents].reverse() } },
    );
    expect(result.changes).toBe(true);
  });

  it("counts a value unknown during preview as a change", async () => {
    expect((await rule.diff("SDR_1", olds, { ...fullDispatchRule, trunkIds: UNKNOWN })).changes).toBe(true);
  });

  it("ignores adoptId, which only matters at create", async () => {
    expect((await trunk.diff("ST_1", { ...fullInboundTrunk }, { ...fullInboundTrunk, adoptId: "ST_1" })).changes).toBe(false);
  });
});
