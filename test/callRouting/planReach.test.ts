import { buildRoutingPlan, simulateCall, type PlanEntry, type RoutingConfig, type RoutingRule } from "../../src/callRouting";
import { direct, rule, trunk } from "./builders";

/**
 * Which rules each trunk and number of a plan can reach: the plan narrows rules by trunk ID and
 * called number, so these pin down the cases where LiveKit's narrowing is least obvious.
 */

const auth = { authUsername: "u", authPassword: "p" };

const office: RoutingConfig = {
  trunks: [
    trunk("A", { name: "a", numbers: ["+1", "+2"], ...auth }),
    trunk("B", { name: "b", numbers: ["+3"], ...auth }),
    // No ID: LiveKit's list filter is then empty and every rule is loaded for its calls.
    { name: "unnamed", numbers: ["+4"], ...auth },
  ],
  rules: [
    rule("a-line", direct("a-line"), { name: "a-line", trunkIds: ["A"], numbers: ["+1"] }),
    rule("a-desk", direct("a-desk"), { name: "a-desk", trunkIds: ["A"] }),
    rule("b-desk", direct("b-desk"), { name: "b-desk", trunkIds: ["B"] }),
    rule("everywhere", direct("everywhere", "99"), { name: "everywhere" }),
    rule("vip", direct("vip"), { name: "vip", trunkIds: ["A"], inboundNumbers: ["+7", "+8"] }),
    rule("vip-line", direct("vip-line"), { name: "vip-line", trunkIds: ["A"], inboundNumbers: ["+7"], numbers: ["+2"] }),
  ],
};

const entryFor = (entries: readonly PlanEntry[], calledNumber: string | null) => entries.find((e) => e.calledNumber === calledNumber);
const ruleIds = (entry: PlanEntry | undefined) => entry?.routes.map((r) => r.rules.map((x) => x.id));

describe("rules a plan lists for each trunk and number", () => {
  const { entries, warnings } = buildRoutingPlan(office);

  it("lists rules naming the trunk before rules naming none, and rules listing numbers only for those numbers", () => {
    expect(ruleIds(entryFor(entries, "+1"))).toEqual([["a-line", "vip", "a-desk", "everywhere"]]);
    expect(ruleIds(entryFor(entries, "+2"))).toEqual([["vip-line", "vip", "a-desk", "everywhere"]]);
    expect(ruleIds(entryFor(entries, "+3"))).toEqual([["b-desk", "everywhere"]]);
    expect(ruleIds(entryFor(entries, "+4"))).toEqual([["everywhere"]]);
    expect(ruleIds(entryFor(entries, null))).toEqual([["everywhere"]]);
    expect(warnings).toEqual([]);
  });

  it("marks a rule as shadowed only when it loses the call of every caller it names", () => {
    const shadows = (calledNumber: string) => entryFor(entries, calledNumber)?.routes[0].rules.map((r) => [r.id, r.shadowedBy?.id]);
    // On +1 the open number rule outranks both; on +2 `vip` still takes +8, and `a-desk` other callers.
    expect(shadows("+1")).toEqual([
      ["a-line", undefined],
      ["vip", "a-line"],
      ["a-desk", "a-line"],
      ["everywhere", undefined],
    ]);
    expect(shadows("+2")?.every(([, by]) => by === undefined)).toBe(true);
  });
});

describe("calls a plan reports as failing", () => {
  // Listing trunk B twice gives the rule the same conflict key twice: it conflicts with itself.
  const conflicted: RoutingConfig = {
    ...office,
    rules: office.rules.map((r): RoutingRule => (r.sipDispatchRuleId === "b-desk" ? { ...r, trunkIds: ["B", "B"] } : r)),
  };
  const { warnings } = buildRoutingPlan(conflicted);
  const message = 'Dispatch rule for the same trunk, inbound number, number, and PIN combination already exists in dispatch rule "b-desk" "b-desk"';

  it("fails the calls of every trunk that loads the conflicting rule: its own, one without an ID, and no trunk", () => {
    expect(warnings).toEqual([
      `Calls to \`+3\` fail (SIP 503): ${message}`,
      `Calls to \`+4\` fail (SIP 503): ${message}`,
      `Calls to other numbers fail (SIP 503): ${message}`,
    ]);
  });

  it("says what simulating those calls says", () => {
    for (const calledNumber of ["+1", "+2", "+3", "+4", "+5"]) {
      const failed = warnings.some((w) => w.startsWith(calledNumber === "+5" ? "Calls to other numbers" : `Calls to \`${calledNumber}\``));
      expect([calledNumber, simulateCall(conflicted, { calledNumber, callerNumber: "+9" }).error?.message]).toEqual([calledNumber, failed ? message : undefined]);
    }
  });
});

describe("a plan of a large estate", () => {
  // The shape of the scaling benchmark: a trunk per number, a pinned rule per trunk; plus a rule
  // for every trunk and a rule for one number, which must reach exactly the calls they name.
  const size = 2000;
  const numberOf = (i: number) => `+1415${String(i).padStart(7, "0")}`;
  const estate: RoutingConfig = {
    trunks: Array.from({ length: size }, (_, i) => trunk(`ST_${i}`, { numbers: [numberOf(i)], allowedAddresses: ["10.0.0.0/24"] })),
    rules: [
      ...Array.from({ length: size }, (_, i) => rule(`SDR_${i}`, direct(`room-${i}`, String(1000 + i)), { trunkIds: [`ST_${i}`] })),
      rule("SDR_fallback", direct("fallback")),
      rule("SDR_hotline", direct("hotline"), { numbers: [numberOf(7)] }),
    ],
  };
  const { entries, warnings } = buildRoutingPlan(estate);

  it("lists each number with its own trunk's rule, then the rules for every trunk", () => {
    expect(entries).toHaveLength(size + 1);
    entries.slice(0, size).forEach((entry, i) => {
      const hotline = i === 7 ? ["SDR_hotline"] : [];
      expect([entry.calledNumber, ...(ruleIds(entry) ?? [])]).toEqual([numberOf(i), [`SDR_${i}`, ...hotline, "SDR_fallback"], [...hotline, "SDR_fallback"]]);
    });
    expect(ruleIds(entries[size])).toEqual([["SDR_fallback"]]);
  });

  it("finds no failing calls and no shadowed rules", () => {
    expect(warnings).toEqual([]);
  });
});
