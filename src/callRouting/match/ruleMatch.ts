import { findDispatchRuleConflict } from "../../livekit/dispatchRuleConflicts";
import { dispatchRuleMatches, sortById } from "../../livekit/listFilters";
import { GoError, type LiveKitError } from "../../livekit/twirp";
import type { DispatchRuleLike, InboundTrunkLike } from "../../livekit/types";
import { dispatchRulePriority, rankRules, ruleScope, type RuleScope } from "./rulePriority";
import { ruleVariant } from "./ruleVariant";

/**
 * Dispatch-rule selection for a call once the trunk is known (livekit `SelectSIPDispatchRule`,
 * protocol `sip/sip.go` `MatchDispatchRuleIter`).
 */

export interface RuleRequest {
  readonly callerNumber: string;
  readonly calledNumber: string;
  /** Digits the caller entered; `""` before the pin prompt. */
  readonly pin: string;
  /** The caller ended the pin prompt with `#` and no digits. */
  readonly noPin: boolean;
}

export type RuleDropReason =
  /** `trunk_ids` names other trunks only. */
  | "otherTrunk"
  /** `trunk_ids` is set but no trunk matched the call. */
  | "noTrunk"
  /** `inbound_numbers` does not contain the caller, compared exactly. */
  | "callerNotListed"
  /** `numbers` does not contain the called number, compared exactly. */
  | "calledNotListed"
  /** The caller chose no pin, and this rule has one. */
  | "pinRequired"
  /** The caller entered a pin; open rules are no longer a fallback. */
  | "openAfterPin"
  | "wrongPin"
  /** Eligible, but a rule of the same group ranks higher. */
  | "outranked"
  /** Eligible wildcard rule, but a rule naming the trunk matched: those always win. */
  | "trunkRuleWins";

export interface RuleVerdict<T> {
  readonly rule: T;
  readonly scope: RuleScope;
  readonly priority: number;
  readonly won: boolean;
  readonly reason?: RuleDropReason;
}

export interface RuleMatch<T> {
  readonly rule?: T;
  /** Every rule, trunk rules first, each group in LiveKit's priority order. */
  readonly verdicts: readonly RuleVerdict<T>[];
  /** A conflict (or a rule without a variant) among the candidates fails every call on the trunk. */
  readonly error?: LiveKitError;
}

function pinFilter(rulePin: string, request: RuleRequest): RuleDropReason | undefined {
  if (request.noPin) return rulePin === "" ? undefined : "pinRequired";
  if (request.pin === "") return undefined;
  if (rulePin === "") return "openAfterPin";
  return rulePin === request.pin ? undefined : "wrongPin";
}

function dropReason(rule: DispatchRuleLike, trunk: InboundTrunkLike | undefined, request: RuleRequest): RuleDropReason | undefined {
  const trunkIds = rule.trunkIds ?? [];
  if (trunkIds.length > 0 && trunk === undefined) return "noTrunk";
  if (trunkIds.length > 0 && !trunkIds.includes(trunk?.sipTrunkId ?? "")) return "otherTrunk";
  const inbound = rule.inboundNumbers ?? [];
  if (inbound.length > 0 && !inbound.includes(request.callerNumber)) return "callerNotListed";
  const numbers = rule.numbers ?? [];
  if (numbers.length > 0 && !numbers.includes(request.calledNumber)) return "calledNotListed";
  const variant = ruleVariant(rule.rule);
  return variant instanceof GoError ? undefined : pinFilter(variant.pin, request);
}

/**
 * The rules LiveKit loads for the trunk: wildcard rules plus those naming it, in ID order. With
 * no trunk (or a trunk without an ID) the list filter is empty and every rule is loaded, so a
 * conflict anywhere in the project fails such calls.
 */
function candidateRules<T extends DispatchRuleLike>(rules: readonly T[], trunk: InboundTrunkLike | undefined): T[] {
  const trunkId = trunk?.sipTrunkId ?? "";
  const filter = { trunkIds: trunkId === "" ? [] : [trunkId] };
  return sortById(
    rules.filter((r) => dispatchRuleMatches(filter, r)),
    (r) => r.sipDispatchRuleId ?? "",
  );
}

/** Why a rule that passed every filter (or was never loaded) did not win. */
function lossReason<T extends DispatchRuleLike>(rule: T, winner: T | undefined, loaded: ReadonlySet<T>): RuleDropReason {
  if (!loaded.has(rule)) return "otherTrunk";
  return winner !== undefined && ruleScope(winner) !== ruleScope(rule) ? "trunkRuleWins" : "outranked";
}

export function matchDispatchRule<T extends DispatchRuleLike>(
  trunk: InboundTrunkLike | undefined,
  rules: readonly T[],
  request: RuleRequest,
): RuleMatch<T> {
  const candidates = candidateRules(rules, trunk);
  const ordered = rankRules(candidates);
  // A set: a call without a trunk loads every rule, and list lookups would make that quadratic.
  const loaded = new Set(candidates);
  const others = rules.filter((r) => !loaded.has(r));
  const reasons = new Map<T, RuleDropReason | undefined>(ordered.map((r) => [r, dropReason(r, trunk, request)]));
  const winner = ordered.find((r) => reasons.get(r) === undefined);

  const verdicts: RuleVerdict<T>[] = [...ordered, ...others].map((rule) => {
    const base = { rule, scope: ruleScope(rule), priority: dispatchRulePriority(rule) };
    if (rule === winner) return { ...base, won: true };
    return { ...base, won: false, reason: reasons.get(rule) ?? lossReason(rule, winner, loaded) };
  });

  const problem = findDispatchRuleConflict(candidates);
  if (problem !== undefined) return { verdicts, error: problem.error };
  return { rule: winner, verdicts };
}
