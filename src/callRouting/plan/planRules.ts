import { summarizeCodecs } from "../match/codecs";
import { GENERIC_CALLER, OTHER_NUMBER } from "../simulate/callScenarios";
import { mergeMedia, type Encryption } from "../match/mediaMerge";
import { ruleRef, type ObjectRef } from "../refs";
import type { IndexedRule, RouteCandidates } from "../match/routeCandidates";
import type { RuleIndex } from "../match/ruleIndex";
import type { RuleScope } from "../match/rulePriority";
import { summarizeRule, type RuleSummary } from "../match/ruleSummary";
import type { RoutingRule, RoutingTrunk } from "../types";

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

/**
 * Which rule wins the call most favourable to `rule`: from one of its callers (or a generic one),
 * entering its pin, or pressing `#` alone when it is open.
 */
function shadowingRule({ rule, pin }: IndexedRule, candidates: RouteCandidates): RoutingRule | undefined {
  if (candidates.error !== undefined) return undefined;
  const callers = (rule.inboundNumbers ?? []).length > 0 ? (rule.inboundNumbers ?? []) : [GENERIC_CALLER];
  let winner: RoutingRule | undefined;
  for (const callerNumber of callers) {
    const match = candidates.winner(callerNumber, pin);
    if (match === rule) return undefined;
    winner ??= match;
  }
  return winner;
}

/** The rules for calls to `calledNumber` (undefined: any other number) through `trunk`, best first. */
export function planRules(rules: RuleIndex, trunk: RoutingTrunk | undefined, calledNumber: string | undefined): PlanRule[] {
  const candidates = rules.candidates(trunk, calledNumber ?? OTHER_NUMBER);
  // Calls to other numbers are matched as OTHER_NUMBER, but no rule listing numbers is meant for them.
  const rows = calledNumber === undefined ? candidates.ranked.filter((r) => (r.rule.numbers ?? []).length === 0) : candidates.ranked;
  return rows.map((indexed) => {
    const { rule } = indexed;
    const media = mergeMedia(trunk, rule);
    const shadow = shadowingRule(indexed, candidates);
    return {
      ...summarizeRule(rule, calledNumber),
      scope: indexed.scope,
      priority: indexed.priority,
      callers: rule.inboundNumbers ?? [],
      krisp: trunk?.krispEnabled === true || rule.krispEnabled === true,
      codecs: summarizeCodecs(media).text,
      encryption: media.encryption,
      ...(shadow === undefined ? {} : { shadowedBy: ruleRef(shadow) }),
    };
  });
}
