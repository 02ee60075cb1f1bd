import type { RoutingRule, RoutingTrunk } from "./types";

/** How results point at a trunk or rule: by ID (possibly a placeholder) and name, never by content. */
export interface ObjectRef {
  readonly id: string;
  readonly name: string;
}

export const trunkRef = (trunk: RoutingTrunk): ObjectRef => ({ id: trunk.sipTrunkId ?? "", name: trunk.name ?? "" });

export const ruleRef = (rule: RoutingRule): ObjectRef => ({ id: rule.sipDispatchRuleId ?? "", name: rule.name ?? "" });

/** The name reviewers chose, else the ID. */
export const refLabel = (ref: ObjectRef): string => ref.name || ref.id || "<unnamed>";

export const trunkLabel = (trunk: RoutingTrunk): string => refLabel(trunkRef(trunk));

export const ruleLabel = (rule: RoutingRule): string => refLabel(ruleRef(rule));
