import type { DispatchRuleKind } from "../../livekit/dispatchRule";
import { GoError } from "../../livekit/twirp";
import type { DispatchRuleLike } from "../../livekit/types";
import { ruleVariant, type RuleVariant } from "./ruleVariant";

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
  return variantPriority(rule, ruleVariant(rule.rule));
}

/** The priority from a variant already at hand, so callers ranking many rules derive it once. */
export function variantPriority(rule: DispatchRuleLike, variant: RuleVariant | GoError): number {
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

/** Rules naming trunks (`trunk`) against rules for every trunk (`wildcard`). */
export type RuleScope = "trunk" | "wildcard";

export const ruleScope = (rule: DispatchRuleLike): RuleScope => ((rule.trunkIds ?? []).length === 0 ? "wildcard" : "trunk");

/** What ranking reads of a rule, derived once per rule rather than once per comparison. */
export interface RankKey {
  readonly scope: RuleScope;
  readonly priority: number;
  readonly room: string;
  readonly id: string;
  /** Position in the list ranked: equal rules keep list order, as a stable sort would. */
  readonly index: number;
}

export function rankKey(rule: DispatchRuleLike, index: number, variant: RuleVariant | GoError = ruleVariant(rule.rule)): RankKey {
  return {
    scope: ruleScope(rule),
    priority: variantPriority(rule, variant),
    room: variant instanceof GoError ? "" : variant.room,
    id: rule.sipDispatchRuleId ?? "",
    index,
  };
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order LiveKit lists rules in: by ID as bytes, equal IDs in list order. */
export const compareListOrder = (a: RankKey, b: RankKey): number => compareText(a.id, b.id) || a.index - b.index;

/**
 * LiveKit's order of preference among rules loaded for a call: any rule naming the trunk before
 * any wildcard rule, each group by priority then room (`hasHigherPriority`); equal rules keep ID
 * order, as LiveKit keeps the first. A total order, so any subset ranks as it does within the whole.
 */
export function compareRank(a: RankKey, b: RankKey): number {
  if (a.scope !== b.scope) return a.scope === "trunk" ? -1 : 1;
  if (a.priority !== b.priority) return a.priority - b.priority;
  return compareText(a.room, b.room) || compareListOrder(a, b);
}

export function rankRules<T extends DispatchRuleLike>(rules: readonly T[]): T[] {
  const keyed = rules.map((rule, index) => ({ rule, key: rankKey(rule, index) }));
  return keyed.sort((a, b) => compareRank(a.key, b.key)).map(({ rule }) => rule);
}
