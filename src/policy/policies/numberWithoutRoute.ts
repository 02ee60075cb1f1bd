import { buildRoutingPlan, type PlanRoute, type RoutingPlan, type RoutingTrunk } from "../../callRouting/index";
import { label, type Finding, type StackPolicy } from "../policy";
import { firstUnknown, stackRouting, type RoutedObject, type StackRouting } from "../stackRouting";

/** What decides which rules a trunk's calls reach (LiveKit's trunk and rule selection). */
const TRUNK_FIELDS = ["numbers", "allowedAddresses", "allowedNumbers"];
const RULE_FIELDS = ["trunkIds", "numbers"];

/** The routes through `trunk` in the plan: for each number it lists, or every entry for a trunk listing none. */
function routesThrough(plan: RoutingPlan, trunk: RoutingTrunk, calledNumber: string | null): PlanRoute[] {
  return plan.entries
    .filter((entry) => calledNumber === null || entry.calledNumber === calledNumber)
    .flatMap((entry) => entry.routes.filter((route) => route.trunk?.id === trunk.sipTrunkId));
}

function trunkFindings(plan: RoutingPlan, trunk: RoutedObject<RoutingTrunk>): Finding[] {
  const numbers = trunk.routing.numbers ?? [];
  const fix = (number: string) =>
    `Fix: add a DispatchRule whose trunkIds include this trunk (or are empty) and whose numbers include ${number} (or are empty), or remove the number from the trunk.`;
  if (numbers.length === 0) {
    const reached = routesThrough(plan, trunk.routing, null).some((route) => route.rules.length > 0);
    return reached
      ? []
      : [
          {
            urn: trunk.resource.urn,
            message: `${label(trunk.resource)} answers any number but no dispatch rule reaches its calls, so LiveKit rejects every call it accepts. ${fix("the called numbers")}`,
          },
        ];
  }
  const unrouted = [...new Set(numbers)].filter((number) => routesThrough(plan, trunk.routing, number).every((route) => route.rules.length === 0));
  return unrouted.map((number) => ({
    urn: trunk.resource.urn,
    message: `${label(trunk.resource)} answers ${number} but no dispatch rule reaches calls to it through this trunk, so LiveKit rejects every such call. ${fix(number)}`,
  }));
}

function phoneNumberFindings(routing: StackRouting): Finding[] {
  return routing.phoneNumbers
    .filter((n) => !n.unknown.has("sipDispatchRuleId") && n.ruleRefs.length === 0)
    .map((n) => ({
      urn: n.resource.urn,
      message:
        `${label(n.resource)}${n.number === undefined ? "" : ` (${n.number})`} has no sipDispatchRuleId, so LiveKit keeps the number offline and calls to it fail. ` +
        "Fix: set sipDispatchRuleId to a DispatchRule's sipDispatchRuleId.",
    }));
}

/**
 * A number the stack pays for and publishes that no dispatch rule reaches: every call to it is
 * rejected. Usually a rule that lost the trunk in its trunkIds, a number added to a trunk but not
 * to the rule listing numbers, or a LiveKit number bought without a rule.
 */
export const numberWithoutRoute: StackPolicy = {
  scope: "stack",
  name: "livekit-number-without-route",
  description: "Every number an inbound trunk answers, and every LiveKit phone number, must reach a dispatch rule; otherwise LiveKit rejects its calls.",
  enforcementLevel: "advisory",
  severity: "high",
  remediationSteps: "Add a dispatch rule for the number (trunkIds including its trunk, numbers including it, or either left empty), or remove the number; give a PhoneNumber a sipDispatchRuleId.",
  config: { properties: {}, defaults: {} },
  check(resources) {
    const routing = stackRouting(resources);
    const findings = phoneNumberFindings(routing);
    // Trunk and rule fields unknown in preview: which numbers are reached waits for `up`.
    const routesUnknown = firstUnknown(routing.trunks, TRUNK_FIELDS) ?? firstUnknown(routing.rules, RULE_FIELDS);
    if (routesUnknown === undefined && routing.trunks.length > 0) {
      const plan = buildRoutingPlan({ trunks: routing.trunks.map((t) => t.routing), rules: routing.rules.map((r) => r.routing) });
      findings.unshift(...routing.trunks.flatMap((trunk) => trunkFindings(plan, trunk)));
    }
    const undetermined = routesUnknown ?? firstUnknown(routing.phoneNumbers, ["sipDispatchRuleId"]);
    return undetermined === undefined ? { findings } : { findings, undetermined };
  },
};
