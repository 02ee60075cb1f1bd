import { renderDiffFlowchart } from "./flowchart";
import type { RoutingPlan } from "../plan/plan";
import type { RoutingChange } from "../diff/routingChange";
import { plainText } from "../wording";

/** Routing changes for a pull-request comment and for a terminal: risky ones first. */

const DIFF_TITLE = "Routing changes";
const NO_CHANGES = "No routing changes.";

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

function split(changes: readonly RoutingChange[]) {
  return { risky: changes.filter((c) => c.risky), other: changes.filter((c) => !c.risky) };
}

/** With both revisions' plans, the changes come with a picture of the routing (see flowchart.ts). */
export function renderDiffMarkdown(changes: readonly RoutingChange[], plans?: { before: RoutingPlan; after: RoutingPlan }): string {
  if (changes.length === 0) return `## ${DIFF_TITLE}\n\n${NO_CHANGES}\n`;
  const { risky, other } = split(changes);
  const out = [`## ${DIFF_TITLE}`, `${plural(risky.length, "risky change")}, ${plural(other.length, "other change")}.`];
  if (plans !== undefined) out.push(renderDiffFlowchart(plans.before, plans.after, changes));
  if (risky.length > 0) out.push("### ⚠️ Risky", risky.map((c) => `- ${c.message}`).join("\n"));
  if (other.length > 0) out.push("### Other", other.map((c) => `- ${c.message}`).join("\n"));
  return `${out.join("\n\n")}\n`;
}

export function renderDiffText(changes: readonly RoutingChange[]): string {
  if (changes.length === 0) return `${DIFF_TITLE.toUpperCase()}\n${NO_CHANGES}\n`;
  const { risky, other } = split(changes);
  const out = [DIFF_TITLE.toUpperCase(), `${plural(risky.length, "risky change")}, ${plural(other.length, "other change")}.`];
  if (risky.length > 0) out.push("", "RISKY", ...risky.map((c) => `  ! ${plainText(c.message)}`));
  if (other.length > 0) out.push("", "OTHER", ...other.map((c) => `  - ${plainText(c.message)}`));
  return `${out.join("\n")}\n`;
}
