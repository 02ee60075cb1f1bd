import { callChanges } from "./callChanges";
import { numberChanges } from "./numberChanges";
import { outboundTrunkChanges } from "./outboundTrunkChanges";
import { pairObjects } from "./pairObjects";
import type { RoutingChange } from "./routingChange";
import { ruleChanges } from "./ruleChanges";
import { trunkChanges } from "./trunkChanges";
import type { RoutingConfig } from "../types";

/**
 * What a routing change means for callers: numbers gained or lost, calls that land elsewhere
 * (found by simulation), then security, pin and media changes of each trunk and rule. Trunks and
 * rules are paired across revisions by ID, else by name.
 */

export function diffRouting(before: RoutingConfig, after: RoutingConfig): RoutingChange[] {
  const trunks = pairObjects(before.trunks, after.trunks, { id: (t) => t.sipTrunkId ?? "", name: (t) => t.name ?? "" });
  const rules = pairObjects(before.rules, after.rules, { id: (r) => r.sipDispatchRuleId ?? "", name: (r) => r.name ?? "" });
  const outbound = pairObjects(before.outboundTrunks ?? [], after.outboundTrunks ?? [], { id: (t) => t.sipTrunkId ?? "", name: (t) => t.name ?? "" });
  return [
    ...numberChanges(before, after, trunks),
    ...callChanges(before, after),
    ...trunks.flatMap(trunkChanges),
    ...rules.flatMap(ruleChanges),
    ...outbound.flatMap(outboundTrunkChanges),
  ];
}

/** For CI: a non-zero exit when a change needs a careful review. */
export const hasRiskyChanges = (changes: readonly RoutingChange[]): boolean => changes.some((c) => c.risky);
