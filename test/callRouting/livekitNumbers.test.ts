import { buildRoutingPlan, diffRouting, describeSimulation, renderPlanText, simulateCall, type RoutingConfig, type RoutingPhoneNumber } from "../../src/callRouting";
import { routingConfigOf } from "../../src/routing/routingConfig";
import { refFor } from "../../src/tools/offline/resourceRefs";
import { agents, direct, individual, rule, trunk } from "./builders";

/** LiveKit Phone Numbers: calls skip the trunks and go to the rules assigned to the number. */

const NUMBER = "+14155550100";
const CALLER = "+12125550123";
const number = (fields: Partial<RoutingPhoneNumber> = {}): RoutingPhoneNumber => ({ id: "PN_main", e164Format: NUMBER, sipDispatchRuleIds: ["SDR_agent"], ...fields });

const config: RoutingConfig = {
  // A trunk that also lists the number, and a wildcard rule: neither takes calls to a LiveKit number.
  trunks: [trunk("ST_carrier", { numbers: [NUMBER, "+14155550111"] })],
  rules: [
    rule("SDR_agent", individual("call"), { name: "receptionist", roomConfig: agents("receptionist") }),
    rule("SDR_lobby", direct("lobby")),
  ],
  livekitNumbers: [number()],
};

describe("simulating a call to a LiveKit number", () => {
  it("lands in the assigned rule's room, with no trunk involved", () => {
    const result = simulateCall(config, { calledNumber: NUMBER, callerNumber: CALLER }, { randomSuffix: "R" });
    expect(result).toMatchObject({ outcome: "room", phoneNumber: { id: "PN_main", name: NUMBER }, trunk: { verdicts: [] }, rule: { id: "SDR_agent" } });
    expect(result.room?.roomName).toBe(`call_${CALLER}_R`);
    expect(result.rules.map((v) => v.rule.id)).toEqual(["SDR_agent"]);
    expect(result.notes).toContainEqual(expect.stringMatching(/^The called number is a LiveKit Phone Number: no trunk is involved/));
    expect(result.notes.some((n) => n.startsWith("No trunk matched"))).toBe(false);
    expect(describeSimulation(result)).toBe(`Lands in room \`call_${CALLER}_R\` with agent \`receptionist\` (LiveKit number \`${NUMBER}\`, rule \`receptionist\`).`);
  });

  it("still routes other numbers through the trunks", () => {
    const result = simulateCall(config, { calledNumber: "+14155550111", callerNumber: CALLER });
    expect(result.trunk.matched?.id).toBe("ST_carrier");
    expect(result.phoneNumber).toBeUndefined();
  });

  it("applies the assigned rules' filters and pins, but never a rule that names trunks", () => {
    const pinned = { ...config, rules: [rule("SDR_agent", direct("vip", "1234"))] };
    expect(simulateCall(pinned, { calledNumber: NUMBER, callerNumber: CALLER }).outcome).toBe("request-pin");
    expect(simulateCall(pinned, { calledNumber: NUMBER, callerNumber: CALLER, pin: "1234" }).room?.roomName).toBe("vip");
    const scoped = { ...config, rules: [rule("SDR_agent", direct("lobby"), { trunkIds: ["ST_carrier"] })] };
    const result = simulateCall(scoped, { calledNumber: NUMBER, callerNumber: CALLER });
    expect(result.outcome).toBe("no-rule");
    expect(result.rules[0]).toMatchObject({ won: false, reason: "noTrunk" });
  });

  it("drops calls to a number without a rule, and routes a released number like any other", () => {
    expect(simulateCall({ ...config, livekitNumbers: [number({ sipDispatchRuleIds: [] })] }, { calledNumber: NUMBER, callerNumber: CALLER }).outcome).toBe("no-rule");
    const released = simulateCall({ ...config, livekitNumbers: [number({ status: "PHONE_NUMBER_STATUS_RELEASED" })] }, { calledNumber: NUMBER, callerNumber: CALLER });
    expect(released.trunk.matched?.id).toBe("ST_carrier");
  });

  it("reads the deprecated single rule field when the list is empty", () => {
    const legacy = { ...config, livekitNumbers: [number({ sipDispatchRuleIds: [], sipDispatchRuleId: "SDR_lobby" })] };
    expect(simulateCall(legacy, { calledNumber: NUMBER, callerNumber: CALLER }).room?.roomName).toBe("lobby");
  });
});

describe("the routing plan", () => {
  it("lists a LiveKit number with only its assigned rules", () => {
    const plan = buildRoutingPlan(config);
    const entry = plan.entries.find((e) => e.calledNumber === NUMBER);
    expect(entry?.routes).toEqual([expect.objectContaining({ kind: "phone-number", phoneNumber: { id: "PN_main", name: NUMBER }, fallback: false })]);
    expect(entry?.routes[0].rules.map((r) => r.id)).toEqual(["SDR_agent"]);
    expect(renderPlanText(plan)).toContain("LiveKit Phone Number `PN_main`: no trunk; calls go straight to the dispatch rules assigned to it.".replace(/`/g, ""));
  });

  it("warns about numbers that go nowhere, missing rules, trunk-scoped rules and trunks listing the number", () => {
    const warnings = buildRoutingPlan({
      ...config,
      rules: [...config.rules, rule("SDR_scoped", direct("desk"), { trunkIds: ["ST_carrier"] })],
      livekitNumbers: [number({ sipDispatchRuleIds: ["SDR_agent", "SDR_gone", "SDR_scoped"] }), number({ id: "PN_idle", e164Format: "+14155550101", sipDispatchRuleIds: [] })],
    }).warnings;
    expect(warnings).toEqual(
      expect.arrayContaining([
        `LiveKit number \`${NUMBER}\` is assigned \`SDR_gone\`, which this configuration does not have`,
        `Rule \`SDR_scoped\` is assigned to LiveKit number \`${NUMBER}\` but names trunks; no trunk carries calls to the number, so the rule never applies to them`,
        `Trunk \`ST_carrier\` lists \`${NUMBER}\`, a LiveKit Phone Number: calls to it never reach the trunk`,
        "LiveKit number `+14155550101` has no dispatch rule assigned: calls to it go nowhere",
      ]),
    );
  });

  it("shows moving a number to another rule as a change of where its calls land", () => {
    const moved = { ...config, livekitNumbers: [number({ sipDispatchRuleIds: ["SDR_lobby"] })] };
    const changes = diffRouting(config, moved).filter((c) => c.kind === "call-route");
    expect(changes.map((c) => c.message)).toEqual([expect.stringMatching(new RegExp(`^Calls to \`\\${NUMBER}\`.*room \`lobby\``))]);
  });
});

describe("a program's phone numbers, offline", () => {
  it("become LiveKit numbers routed to the rule they name, a search's number as a placeholder", () => {
    const routing = routingConfigOf([
      { type: "DispatchRule", name: "agent", args: { rule: { type: "individual", roomPrefix: "call" } } },
      { type: "PhoneNumber", name: "main", args: { phoneNumber: NUMBER, sipDispatchRuleId: refFor("DispatchRule", "agent") } },
      { type: "PhoneNumber", name: "support", args: { countryCode: "US", areaCode: "212", sipDispatchRuleId: refFor("DispatchRule", "agent") } },
      { type: "PhoneNumber", name: "adopted", adoptId: "+14155550177", args: {} },
    ]);
    expect(routing.livekitNumbers).toEqual([
      { id: "number:main", e164Format: NUMBER, sipDispatchRuleIds: ["rule:agent"] },
      { id: "number:support", e164Format: "number:support", sipDispatchRuleIds: ["rule:agent"] },
      { id: "+14155550177", e164Format: "+14155550177", sipDispatchRuleIds: [] },
    ]);
    expect(simulateCall(routing, { calledNumber: NUMBER, callerNumber: CALLER }).rule?.id).toBe("rule:agent");
  });
});
