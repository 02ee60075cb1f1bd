/**
 * `pulumi-livekit-sip/routing`: the review tools as a library. The routing engine (simulator,
 * plan, diff; pure functions over LiveKit JSON) plus what the `plan`, `diff` and `simulate`
 * commands add: reading a program or spec offline, git revisions, and the output formats.
 * See docs/routing.md and docs/reviewing-dispatch-changes.md.
 */
export * from "../callRouting";
export { withRevision, type RevisionTree } from "./gitRevision";
export { declaresNothing, emptyStackError } from "./emptyStack";
export { externalTrunkIds, externalTrunkNotes, withExternalTrunks } from "./externalTrunks";
export { loadRoutingConfig, loadRoutingConfigAt, type ReviewSource } from "./loadRouting";
export { formatDiff, formatPlan, formatSimulation, reportFormats, type ReportFormat } from "./reports";
export { routingConfigOf } from "./routingConfig";
