import type { DispatchRuleKind } from "../livekit/dispatchRule";
import { sortById } from "../livekit/listFilters";
import { GoError } from "../livekit/twirp";
import type { DispatchRuleLike } from "../livekit/types";
import { ruleVariant } from "./ruleVariant";

/**
 * Dispatch-rule priority (protocol `sip/sip.go` `DispatchRulePriority`, `hasHigherPriority`).
 * Lower wins: pinned rules before open ones, direct before individual before callee, and a
 * 1000 penalty for each of `inbound_numbers` and `numbers` left empty, so narrower rules win.
 */

const KIND_RANK: Readonly<Record<DispatchRuleKind, number>> = {
  dispatchRuleDirect: 0,
  dispatchRuleIndividual: 1,
  dispatchRuleCallee: 2,
};

const OPEN_PENALTY = 100;
const UNFILTERED_PENALTY = 1000;
/** Go's `math.MaxInt32`, given to a rule without a variant. */
const LAST = 2 ** 31 - 1;

export function dispatchRulePriority(rule: DispatchRuleLike): number {
  const variant = ruleVariant(rule.rule);
  if (variant instanceof GoError) return LAST;
  let priority = KIND_RANK[variant.kind] + (variant.pin === "" ? OPEN_PENALTY : 0);
  if ((rule.inboundNumbers ?? []).length === 0) priority += UNFILTERED_PENALTY;
  if ((rule.numbers ?? []).length === 0) priority += UNFILTERED_PENALTY;
  return priority;
}

const roomOf = (rule: DispatchRuleLike) => {
  const variant = ruleVariant(rule.rule);
  return variant instanceof GoError ? "" : variant.room;
};

/** Equal priorities fall back to the room name or prefix, compared as bytes, for a stable choice. */
export function hasHigherPriority(a: DispatchRuleLike, b: DispatchRuleLike): boolean {
  const pa = dispatchRulePriority(a);
  const pb = dispatchRulePriority(b);
  if (pa !== pb) return pa < pb;
  return roomOf(a) < roomOf(b);
}

/** A sort comparator putting the rule LiveKit would pick first. */
export const byPriority = (a: DispatchRuleLike, b: DispatchRuleLike): number =>
  hasHigherPriority(a, b) ? -1 : hasHigherPriority(b, a) ? 1 : 0;

/** Rules naming trunks (`trunk`) against rules for every trunk (`wildcard`). */
export type RuleScope = "trunk" | "wildcard";

export const ruleScope = (rule: DispatchRuleLike): RuleScope => ((rule.trunkIds ?? []).length === 0 ? "wildcard" : "trunk");

/**
 * LiveKit's order of preference among rules loaded for a call: any rule naming the trunk before
 * any wildcard rule, each group by priority; equal rules keep ID order, as LiveKit keeps the first.
 */
export function rankRules<T extends DispatchRuleLike>(rules: readonly T[]): T[] {
  const ranked = sortById(rules, (r) => r.sipDispatchRuleId ?? "").sort(byPriority);
  return [...ranked.filter((r) => ruleScope(r) === "trunk"), ...ranked.filter((r) => ruleScope(r) === "wildcard")];
}
