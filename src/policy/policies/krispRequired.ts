import { buildRoutingPlan } from "../../callRouting/index";
import { label, PASS, type Finding, type StackPolicy } from "../policy";
import { firstUnknown, stackRouting, type StackRouting } from "../stackRouting";

export interface KrispConfig {
  /** The organisation requires Krisp noise cancellation on every inbound call. */
  requireKrisp: boolean;
}

const TRUNK_FIELDS = ["numbers", "allowedAddresses", "allowedNumbers", "krispEnabled"];
const RULE_FIELDS = ["trunkIds", "numbers", "krispEnabled"];

interface Gap {
  trunkUrn: string;
  ruleUrn: string;
  numbers: Set<string>;
}

/** Each trunk and rule pair that carries calls without Krisp (LiveKit: on when the trunk or the rule enables it). */
function trunkGaps(routing: StackRouting): Gap[] {
  if (routing.trunks.length === 0) return [];
  const plan = buildRoutingPlan({ trunks: routing.trunks.map((t) => t.routing), rules: routing.rules.map((r) => r.routing) });
  const gaps = new Map<string, Gap>();
  for (const entry of plan.entries) {
    for (const route of entry.routes) {
      // Calls no trunk accepts only reach rules on self-hosted LiveKit, and never carry a trunk's settings.
      if (route.trunk === undefined) continue;
      for (const rule of route.rules) {
        // A rule another always beats for this number never gets its calls.
        if (rule.krisp || rule.shadowedBy !== undefined || !routing.byUrn.has(rule.id)) continue;
        const key = `${route.trunk.id} ${rule.id}`;
        const gap = gaps.get(key) ?? { trunkUrn: route.trunk.id, ruleUrn: rule.id, numbers: new Set<string>() };
        gap.numbers.add(entry.calledNumber ?? "any other number");
        gaps.set(key, gap);
      }
    }
  }
  return [...gaps.values()];
}

/** Calls to a LiveKit number skip trunks: only the rule's setting counts. */
function phoneNumberGaps(routing: StackRouting): { phoneNumberUrn: string; number?: string; ruleUrn: string }[] {
  const rules = new Map(routing.rules.map((r) => [r.resource.urn, r]));
  return routing.phoneNumbers.flatMap((n) =>
    n.ruleRefs.flatMap((ref) => {
      const rule = rules.get(ref);
      return rule === undefined || rule.routing.krispEnabled === true ? [] : [{ phoneNumberUrn: n.resource.urn, ...(n.number === undefined ? {} : { number: n.number }), ruleUrn: ref }];
    }),
  );
}

/**
 * Krisp removes background noise and voices from the caller's audio before agents hear it; for
 * organisations whose agents transcribe calls it is a quality and sometimes a compliance
 * requirement. Off unless the organisation sets requireKrisp.
 */
export const krispRequired: StackPolicy<KrispConfig> = {
  scope: "stack",
  name: "livekit-krisp-required",
  description: "When the organisation requires it (requireKrisp: true), every inbound call must have Krisp noise cancellation: krispEnabled on its trunk or on the dispatch rule it lands on.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: "Set krispEnabled: true on the inbound trunk (covers all its calls) or on the dispatch rule; calls to LiveKit phone numbers take the rule's setting only.",
  config: {
    properties: {
      requireKrisp: { type: "boolean", default: false, description: "Require Krisp noise cancellation on every inbound call; without it the policy checks nothing." },
    },
    defaults: { requireKrisp: false },
  },
  check(resources, config) {
    if (!config.requireKrisp) return PASS;
    const routing = stackRouting(resources);
    const undetermined =
      firstUnknown(routing.trunks, TRUNK_FIELDS) ?? firstUnknown(routing.rules, RULE_FIELDS) ?? firstUnknown(routing.phoneNumbers, ["sipDispatchRuleId"]);
    if (undetermined !== undefined) return { findings: [], undetermined };
    const name = (urn: string) => {
      const resource = routing.byUrn.get(urn);
      return resource === undefined ? urn : label(resource);
    };
    const findings: Finding[] = [
      ...trunkGaps(routing).map((gap) => ({
        urn: gap.ruleUrn,
        message:
          `Calls to ${[...gap.numbers].join(", ")} through ${name(gap.trunkUrn)} land on ${name(gap.ruleUrn)} without Krisp noise cancellation, which this organisation requires. ` +
          `Fix: set krispEnabled: true on ${name(gap.trunkUrn)} (all its calls) or on ${name(gap.ruleUrn)}.`,
      })),
      ...phoneNumberGaps(routing).map((gap) => ({
        urn: gap.ruleUrn,
        message:
          `Calls to ${name(gap.phoneNumberUrn)}${gap.number === undefined ? "" : ` (${gap.number})`} land on ${name(gap.ruleUrn)} without Krisp noise cancellation, which this organisation requires. ` +
          `Fix: set krispEnabled: true on ${name(gap.ruleUrn)} (calls to LiveKit numbers skip trunks, so only the rule's setting counts).`,
      })),
    ];
    return { findings };
  },
};
