/**
 * The routing engine behind review tooling: LiveKit's inbound call routing as pure functions
 * over trunks and dispatch rules (camelCase protobuf JSON), a routing plan for reading, and a
 * reviewer-oriented diff between two revisions. See docs/routing.md.
 */
export type * from "./types";

// One call through LiveKit's routing.
export * from "./simulate/simulate";
export { describeSimulation } from "./simulate/describeSimulation";
export { renderSimulationMarkdown, renderSimulationText } from "./render/simulationReport";

// The routing table of a configuration.
export { buildRoutingPlan, type PlanEntry, type PlanRoute, type PlanRouteKind, type RoutingPlan, type RoutingPlanInput } from "./plan/plan";
export type { PlanRule } from "./plan/planRules";
export type { PlanTrunk } from "./plan/planTrunk";
export { FLOWCHART_LIMITS, planGraph, renderDiffFlowchart, renderPlanFlowchart, type FlowGraph } from "./render/flowchart";
export { renderPlanMarkdown } from "./render/renderPlanMarkdown";
export { renderPlanText } from "./render/renderPlanText";

// What a change means for callers.
export { diffRouting, hasRiskyChanges } from "./diff/diff";
export { renderDiffMarkdown, renderDiffText } from "./render/renderDiff";
export type { RoutingChange, RoutingChangeKind } from "./diff/routingChange";

// The steps of LiveKit's algorithm, for finer-grained tools.
export { isValidAddressMask, matchAddressMasks } from "./match/addressMasks";
export { summarizeCodecs, type CodecSummary } from "./match/codecs";
export { evaluateDispatchRule, type Evaluation, type EvaluationCall, type RoomDetails } from "./match/evaluate";
export { mergeMedia, type EffectiveMedia, type Encryption } from "./match/mediaMerge";
export type { ObjectRef } from "./refs";
export { matchDispatchRule, type RuleDropReason, type RuleMatch, type RuleRequest, type RuleVerdict } from "./match/ruleMatch";
export { dispatchRulePriority, hasHigherPriority, type RuleScope } from "./match/rulePriority";
export { summarizeRule, type RuleSummary } from "./match/ruleSummary";
export { matchTrunk, type TrunkCall, type TrunkMatch, type TrunkMatchType, type TrunkSkipReason, type TrunkVerdict } from "./match/trunkMatch";
