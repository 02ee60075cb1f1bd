/**
 * The routing engine behind review tooling: LiveKit's inbound call routing as pure functions
 * over trunks and dispatch rules (camelCase protobuf JSON), a routing plan for reading, and a
 * reviewer-oriented diff between two revisions. See docs/routing.md.
 */
export type * from "./types";

// One call through LiveKit's routing.
export * from "./simulate";
export { describeSimulation } from "./describeSimulation";
export { renderSimulationMarkdown, renderSimulationText } from "./simulationReport";

// The routing table of a configuration.
export { buildRoutingPlan, type PlanEntry, type PlanRoute, type PlanRouteKind, type RoutingPlan, type RoutingPlanInput } from "./plan";
export type { PlanRule } from "./planRules";
export type { PlanTrunk } from "./planTrunk";
export { FLOWCHART_LIMITS, planGraph, renderDiffFlowchart, renderPlanFlowchart, type FlowGraph } from "./flowchart";
export { renderPlanMarkdown } from "./renderPlanMarkdown";
export { renderPlanText } from "./renderPlanText";

// What a change means for callers.
export { diffRouting, hasRiskyChanges } from "./diff";
export { renderDiffMarkdown, renderDiffText } from "./renderDiff";
export type { RoutingChange, RoutingChangeKind } from "./routingChange";

// The steps of LiveKit's algorithm, for finer-grained tools.
export { isValidAddressMask, matchAddressMasks } from "./addressMasks";
export { summarizeCodecs, type CodecSummary } from "./codecs";
export { evaluateDispatchRule, type Evaluation, type EvaluationCall, type RoomDetails } from "./evaluate";
export { mergeMedia, type EffectiveMedia, type Encryption } from "./mediaMerge";
export type { ObjectRef } from "./refs";
export { matchDispatchRule, type RuleDropReason, type RuleMatch, type RuleRequest, type RuleVerdict } from "./ruleMatch";
export { dispatchRulePriority, hasHigherPriority, type RuleScope } from "./rulePriority";
export { summarizeRule, type RuleSummary } from "./ruleSummary";
export { matchTrunk, type TrunkCall, type TrunkMatch, type TrunkMatchType, type TrunkSkipReason, type TrunkVerdict } from "./trunkMatch";
