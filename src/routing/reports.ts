import {
  buildRoutingPlan,
  hasRiskyChanges,
  renderDiffMarkdown,
  renderDiffText,
  renderPlanMarkdown,
  renderPlanText,
  renderSimulationMarkdown,
  renderSimulationText,
  type RoutingChange,
  type RoutingConfig,
  type RoutingPlan,
  type SimulationResult,
} from "../callRouting";

/** One output format for every report: markdown for a pull-request comment, JSON for tools, text for a terminal. */

export const reportFormats = ["markdown", "json", "text"] as const;
export type ReportFormat = (typeof reportFormats)[number];

interface Renderers<T> {
  markdown(value: T): string;
  text(value: T): string;
  /** The JSON document, when it is not the value itself. */
  json?(value: T): unknown;
}

const formatWith =
  <T>(renderers: Renderers<T>) =>
  (value: T, format: ReportFormat): string =>
    format === "json" ? `${JSON.stringify(renderers.json ? renderers.json(value) : value, null, 2)}\n` : renderers[format](value);

export const formatPlan = formatWith<RoutingPlan>({ markdown: renderPlanMarkdown, text: renderPlanText });

const diffFormats = formatWith<readonly RoutingChange[]>({
  markdown: renderDiffMarkdown,
  text: renderDiffText,
  json: (changes) => ({ risky: hasRiskyChanges(changes), changes }),
});

/** With both revisions, the Markdown report draws the routing of both with the changes marked. */
export function formatDiff(changes: readonly RoutingChange[], format: ReportFormat, revisions?: { before: RoutingConfig; after: RoutingConfig }): string {
  if (format !== "markdown" || revisions === undefined) return diffFormats(changes, format);
  return renderDiffMarkdown(changes, { before: buildRoutingPlan(revisions.before), after: buildRoutingPlan(revisions.after) });
}

export const formatSimulation = formatWith<SimulationResult>({ markdown: renderSimulationMarkdown, text: renderSimulationText });
