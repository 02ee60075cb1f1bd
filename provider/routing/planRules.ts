import { summarizeCodecs } from "./codecs";
import { GENERIC_CALLER, OTHER_NUMBER } from "./callScenarios";
import { mergeMedia, type Encryption } from "./mediaMerge";
import { ruleRef, type ObjectRef } from "./refs";
import { matchDispatchRule } from "./ruleMatch";
import { dispatchRulePriority, rankRules, ruleScope, type RuleScope } from "./rulePriority";
import { summarizeRule, type RuleSummary } from "./ruleSummary";
import { rulePin } from "./ruleVariant";
import type { RoutingRule, RoutingTrunk } from "./types";

/** One dispatch rule as it applies to calls to one number through one trunk. */
export interface PlanRule extends RuleSummary {
  readonly scope: RuleScope;
  readonly priority: number;
  /** `inbound_numbers`; empty means any caller. */
  readonly callers: readonly string[];
  /** Trunk or rule enables Krisp. */
  readonly krisp: boolean;
  readonly codecs: string;
  readonly encryption: Encryption;
  /** Set when no call can reach this rule because the named rule always wins first. */
  readonly shadowedBy?: ObjectRef;
}

function appliesTo(rule: RoutingRule, trunk: RoutingTrunk | undefined, calledNumber: string | undefined): boolean {
  const trunkIds = rule.trunkIds ?? [];
  if (trunkIds.length > 0 && (trunk === undefined || !trunkIds.includes(trunk.sipTrunkId ?? ""))) return false;
  const numbers = rule.numbers ?? [];
  return numbers.length === 0 || (calledNumber !== undefined && numbers.includes(calledNumber));
}

/**
 * Which rule wins the call most favourable to `rule`: from one of its callers (or a generic one),
 * entering its pin, or pressing `#` alone when it is open.
 */
function shadowingRule(
  rule: RoutingRule,
  rules: readonly RoutingRule[],
  trunk: RoutingTrunk | undefined,
  calledNumber: string,
): RoutingRule | undefined {
  const pin = rulePin(rule.rule);
  const callers = (rule.inboundNumbers ?? []).length > 0 ? (rule.inboundNumbers ?? []) : [GENERIC_CALLER];
  const pinRequest = pin === "" ? { pin, noPin: true } : { pin, noPin: false };
  let winner: RoutingRule | undefined;
  for (const callerNumber of callers) {
    const match = matchDispatchRule(trunk, rules, { callerNumber, calledNumber, ...pinRequest });
    if (match.error !== undefined || match.rule === rule) return undefined;
    winner ??= match.rule;
  }
  return winner;
}

/** The rules for calls to `calledNumber` (undefined: any other number) through `trunk`, best first. */
export function planRules(rules: readonly RoutingRule[], trunk: RoutingTrunk | undefined, calledNumber: string | undefined): PlanRule[] {
  return rankRules(rules.filter((r) => appliesTo(r, trunk, calledNumber))).map((rule) => {
    const media = mergeMedia(trunk, rule);
    const shadow = shadowingRule(rule, rules, trunk, calledNumber ?? OTHER_NUMBER);
    return {
      ...summarizeRule(rule, calledNumber),
      scope: ruleScope(rule),
      priority: dispatchRulePriority(rule),
      callers: rule.inboundNumbers ?? [],
      krisp: trunk?.krispEnabled === true || rule.krispEnabled === true,
      codecs: summarizeCodecs(media).text,
      encryption: media.encryption,
      ...(shadow === undefined ? {} : { shadowedBy: ruleRef(shadow) }),
    };
  });
}
