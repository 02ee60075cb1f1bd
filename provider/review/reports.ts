import {
  hasRiskyChanges,
  renderDiffMarkdown,
  renderDiffText,
  renderPlanMarkdown,
  renderPlanText,
  renderSimulationMarkdown,
  renderSimulationText,
  type RoutingChange,
  type RoutingPlan,
  type SimulationResult,
} from "../routing";

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

export const formatDiff = formatWith<readonly RoutingChange[]>({
  markdown: renderDiffMarkdown,
  text: renderDiffText,
  json: (changes) => ({ risky: hasRiskyChanges(changes), changes }),
});

export const formatSimulation = formatWith<SimulationResult>({ markdown: renderSimulationMarkdown, text: renderSimulationText });
