import { findDispatchRuleConflict } from "../../livekit/dispatchRuleConflicts";
import { GoError, type LiveKitError } from "../../livekit/twirp";
import { addTo } from "../multiMap";
import { RouteCandidates, type IndexedRule } from "./routeCandidates";
import { compareListOrder, compareRank, rankKey } from "./rulePriority";
import { ruleVariant } from "./ruleVariant";
import type { RoutingRule, RoutingTrunk } from "../types";

/** Whether calls through `trunk` (undefined: no trunk) can reach the rule: it names the trunk or none. */
export const namesTrunk = (rule: RoutingRule, trunk: RoutingTrunk | undefined): boolean => {
  const trunkIds = rule.trunkIds ?? [];
  return trunkIds.length === 0 || (trunk !== undefined && trunkIds.includes(trunk.sipTrunkId ?? ""));
};

function indexed(rule: RoutingRule, index: number): IndexedRule {
  const variant = ruleVariant(rule.rule);
  return { rule, ...rankKey(rule, index, variant), pin: variant instanceof GoError ? "" : variant.pin };
}

/**
 * A list of rules indexed the way LiveKit narrows them for a call, so a plan reads only the rules
 * that can apply to each number instead of every rule for every number: by trunk ID (plus rules
 * naming no trunk, which load on every trunk) and by called number (plus rules listing none).
 */
export class RuleIndex {
  private readonly all: readonly IndexedRule[];
  private readonly wildcard: IndexedRule[] = [];
  private readonly byTrunk = new Map<string, IndexedRule[]>();
  private readonly byNumber = new Map<string, IndexedRule[]>();
  /** Rules listing no number: they take every number their trunk filter lets through. */
  private readonly unnumberedWildcard: IndexedRule[] = [];
  private readonly unnumberedByTrunk = new Map<string, IndexedRule[]>();
  private readonly loadErrors = new Map<string | undefined, LiveKitError | undefined>();
  private readonly routes = new Map<string, RouteCandidates>();

  constructor(rules: readonly RoutingRule[]) {
    this.all = rules.map(indexed);
    for (const rule of this.all) {
      // Sets: a rule listing a trunk or number twice is still one candidate.
      const trunkIds = new Set(rule.rule.trunkIds ?? []);
      const numbers = new Set(rule.rule.numbers ?? []);
      if (trunkIds.size === 0) this.wildcard.push(rule);
      for (const id of trunkIds) addTo(this.byTrunk, id, rule);
      for (const number of numbers) addTo(this.byNumber, number, rule);
      if (numbers.size > 0) continue;
      if (trunkIds.size === 0) this.unnumberedWildcard.push(rule);
      for (const id of trunkIds) addTo(this.unnumberedByTrunk, id, rule);
    }
  }

  /** The rules a call to `calledNumber` through `trunk` can reach (numbers compared exactly). */
  candidates(trunk: RoutingTrunk | undefined, calledNumber: string): RouteCandidates {
    const key = JSON.stringify([trunk === undefined ? null : (trunk.sipTrunkId ?? ""), calledNumber]);
    const known = this.routes.get(key);
    if (known !== undefined) return known;
    const reachable = [
      ...(this.byNumber.get(calledNumber) ?? []).filter((r) => namesTrunk(r.rule, trunk)),
      ...(trunk === undefined ? [] : (this.unnumberedByTrunk.get(trunk.sipTrunkId ?? "") ?? [])),
      ...this.unnumberedWildcard,
    ];
    const route = new RouteCandidates(reachable.sort(compareRank), this.loadError(trunk));
    this.routes.set(key, route);
    return route;
  }

  /**
   * LiveKit's error for the rules it loads for a trunk, walked in ID order. Without a trunk ID the
   * list filter is empty and every rule loads, so one conflict anywhere fails such calls.
   */
  private loadError(trunk: RoutingTrunk | undefined): LiveKitError | undefined {
    const trunkId = trunk?.sipTrunkId || undefined;
    if (this.loadErrors.has(trunkId)) return this.loadErrors.get(trunkId);
    const loaded = trunkId === undefined ? [...this.all] : [...(this.byTrunk.get(trunkId) ?? []), ...this.wildcard];
    const error = findDispatchRuleConflict(loaded.sort(compareListOrder).map((r) => r.rule))?.error;
    this.loadErrors.set(trunkId, error);
    return error;
  }
}
