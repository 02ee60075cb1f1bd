import { krispRequired, numberWithoutRoute } from "../../src/policy";
import { messages, resource, unknown } from "./support";

/**
 * The stack-level policies' logic. During a first preview no trunk has an ID and every rule's
 * trunkIds holds unknowns: the checks link them through property dependencies, as the engine
 * reports them, so they decide without waiting for `up`.
 */

const trunk = (name: string, props: Parameters<typeof resource>[2]) => resource("InboundTrunk", name, props);
/** A rule whose trunkIds were built from these trunks' sipTrunkId, still unknown (first preview). */
const ruleOn = (name: string, trunks: { urn: string }[], props: Parameters<typeof resource>[2] = {}) =>
  resource("DispatchRule", name, { rule: { type: "individual", roomPrefix: name }, trunkIds: trunks.map((_, i) => unknown(`trunkIds[${i}]`)), ...props }, { trunkIds: trunks.map((t) => t.urn) });

describe("livekit-number-without-route", () => {
  const check = (...resources: ReturnType<typeof resource>[]) => numberWithoutRoute.check(resources, {});
  const main = trunk("main", { numbers: ["+14155550100", "+14155550101"], allowedAddresses: ["192.0.2.1"] });
  const other = trunk("other", { numbers: ["+14155550200"], allowedAddresses: ["192.0.2.1"] });

  it("fires for each number of a trunk that no rule reaches, on the trunk, naming the number and the fix", () => {
    const verdict = check(main, other, ruleOn("sales", [main], { numbers: ["+14155550100"] }), ruleOn("other", [other]));
    expect(verdict.undetermined).toBeUndefined();
    expect(verdict.findings).toEqual([
      {
        urn: main.urn,
        message: expect.stringMatching(/^InboundTrunk "main" answers \+14155550101 but no dispatch rule reaches calls to it through this trunk.*Fix: add a DispatchRule whose trunkIds include this trunk .* numbers include \+14155550101/),
      },
    ]);
  });

  it("passes when every number is reached: by a rule naming the trunk, or by a rule for every trunk", () => {
    expect(check(main, other, ruleOn("all", [main, other])).findings).toEqual([]);
    expect(check(main, other, resource("DispatchRule", "everything", { rule: { type: "direct", roomName: "lobby" } })).findings).toEqual([]);
  });

  it("fires for a trunk when the only rule names another trunk", () => {
    expect(messages(check(main, other, ruleOn("other", [other])))).toEqual([expect.stringContaining("+14155550100"), expect.stringContaining("+14155550101")]);
  });

  it("links rules to trunks by the IDs known after `up`, and by dependency when a changed trunk's ID is missing in preview", () => {
    const deployed = trunk("main", { numbers: ["+14155550100"], sipTrunkId: "ST_main" });
    const rule = resource("DispatchRule", "sales", { rule: { type: "direct", roomName: "sales" }, trunkIds: ["ST_main"] });
    expect(check(deployed, rule).findings).toEqual([]);
    const changing = trunk("main", { numbers: ["+14155550100"] });
    expect(check(changing, resource("DispatchRule", "sales", { ...rule.props }, { trunkIds: [changing.urn] })).findings).toEqual([]);
  });

  it("fires for a trunk answering any number that no rule reaches", () => {
    expect(messages(check(trunk("any", { allowedAddresses: ["192.0.2.1"] }), ruleOn("sales", [main]), main))).toContainEqual(
      expect.stringMatching(/^InboundTrunk "any" answers any number but no dispatch rule reaches its calls/),
    );
  });

  it("fires for a LiveKit phone number with no rule, and passes one whose rule is not created yet", () => {
    const rule = ruleOn("support", [main]);
    const bought = resource("PhoneNumber", "support-line", { phoneNumber: "+14155550300" });
    const routed = resource("PhoneNumber", "sales-line", { phoneNumber: "+14155550301", sipDispatchRuleId: unknown("sipDispatchRuleId") }, { sipDispatchRuleId: [rule.urn] });
    expect(check(main, rule, bought, routed).findings).toEqual([
      { urn: bought.urn, message: expect.stringMatching(/^PhoneNumber "support-line" \(\+14155550300\) has no sipDispatchRuleId.*Fix: set sipDispatchRuleId/) },
    ]);
  });

  it("waits when a value that decides routing is unknown and no dependency names it", () => {
    const verdict = check(main, ruleOn("sales", [main], { numbers: [unknown("numbers[0]")] }));
    expect(verdict).toEqual({ findings: [], undetermined: expect.objectContaining({ path: "numbers[0]" }) });
    const elsewhere = resource("DispatchRule", "sales", { rule: { type: "direct", roomName: "sales" }, trunkIds: [unknown("trunkIds[0]")] });
    expect(check(main, elsewhere).undetermined?.path).toBe("trunkIds[0]");
  });
});

describe("livekit-krisp-required", () => {
  const required = { requireKrisp: true };
  const main = trunk("main", { numbers: ["+14155550100"], allowedAddresses: ["192.0.2.1"] });

  it("checks nothing unless the organisation requires Krisp", () => {
    expect(krispRequired.config.defaults.requireKrisp).toBe(false);
    expect(krispRequired.check([main, ruleOn("sales", [main])], { requireKrisp: false }).findings).toEqual([]);
  });

  it("fires on each rule that calls reach without Krisp on it or on their trunk, naming both and the fix", () => {
    const sales = ruleOn("sales", [main]);
    const verdict = krispRequired.check([main, sales, ruleOn("vip", [main], { inboundNumbers: ["+14155550999"], krispEnabled: true })], required);
    expect(verdict.findings).toEqual([
      {
        urn: sales.urn,
        message: expect.stringMatching(/^Calls to \+14155550100 through InboundTrunk "main" land on DispatchRule "sales" without Krisp.*Fix: set krispEnabled: true on InboundTrunk "main" \(all its calls\) or on DispatchRule "sales"/),
      },
    ]);
  });

  it("leaves out numbers whose calls always land on another rule", () => {
    const vip = ruleOn("vip", [main], { numbers: ["+14155550100"], krispEnabled: true });
    const lobby = resource("DispatchRule", "lobby", { rule: { type: "direct", roomName: "lobby" } });
    const twoNumbers = trunk("main", { ...main.props, numbers: ["+14155550100", "+14155550101"] });
    expect(messages(krispRequired.check([twoNumbers, vip, lobby], required))).toEqual([expect.stringMatching(/^Calls to \+14155550101 through InboundTrunk "main" land on DispatchRule "lobby"/)]);
  });

  it("passes when the trunk or the rule enables Krisp", () => {
    const krispTrunk = trunk("main", { ...main.props, krispEnabled: true });
    expect(krispRequired.check([krispTrunk, ruleOn("sales", [krispTrunk])], required).findings).toEqual([]);
    expect(krispRequired.check([main, ruleOn("sales", [main], { krispEnabled: true })], required).findings).toEqual([]);
  });

  it("takes only the rule's setting for calls to a LiveKit phone number", () => {
    const rule = resource("DispatchRule", "line", { rule: { type: "individual", roomPrefix: "line" }, sipDispatchRuleId: "SDR_line" });
    const number = resource("PhoneNumber", "line", { phoneNumber: "+14155550300", sipDispatchRuleId: "SDR_line" });
    expect(messages(krispRequired.check([rule, number], required))).toEqual([expect.stringMatching(/^Calls to PhoneNumber "line" \(\+14155550300\) land on DispatchRule "line" without Krisp.*only the rule's setting counts/)]);
    const withKrisp = resource("DispatchRule", "line", { ...rule.props, krispEnabled: true });
    expect(krispRequired.check([withKrisp, number], required).findings).toEqual([]);
  });

  it("waits for an unknown krispEnabled", () => {
    expect(krispRequired.check([main, ruleOn("sales", [main], { krispEnabled: unknown("krispEnabled") })], required).undetermined?.path).toBe("krispEnabled");
  });
});
