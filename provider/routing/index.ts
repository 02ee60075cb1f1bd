/**
 * The routing engine behind review tooling: LiveKit's inbound call routing as pure functions
 * over trunks and dispatch rules, a routing plan for reading, and a reviewer-oriented diff.
 */
export { isValidAddressMask, matchAddressMasks } from "./addressMasks";
export { summarizeCodecs, type CodecSummary } from "./codecs";
export { evaluateDispatchRule, type Evaluation, type EvaluationCall, type RoomDetails } from "./evaluate";
export { mergeMedia, type EffectiveMedia, type Encryption } from "./mediaMerge";
export type { ObjectRef } from "./refs";
export { matchDispatchRule, type RuleDropReason, type RuleMatch, type RuleRequest, type RuleScope, type RuleVerdict } from "./ruleMatch";
export { dispatchRulePriority, hasHigherPriority } from "./rulePriority";
export { summarizeRule, type RuleSummary } from "./ruleSummary";
export * from "./simulate";
export { matchTrunk, type TrunkCall, type TrunkMatch, type TrunkMatchType, type TrunkSkipReason, type TrunkVerdict } from "./trunkMatch";
export type * from "./types";
export { buildRoutingPlan, type PlanEntry, type PlanRoute, type PlanRouteKind, type RoutingPlan, type RoutingPlanInput } from "./plan";
export type { PlanRule } from "./planRules";
export type { PlanTrunk } from "./planTrunk";
export { renderPlanMarkdown } from "./renderPlanMarkdown";
export { renderPlanText } from "./renderPlanText";
export { diffRouting, hasRiskyChanges } from "./diff";
export { renderDiffMarkdown, renderDiffText } from "./renderDiff";
export type { RoutingChange, RoutingChangeKind } from "./routingChange";
