import { renderPlanFlowchart } from "./flowchart";
import { OUTBOUND_HEADERS, OUTBOUND_TITLE, outboundRow } from "../plan/planOutbound";
import { entryHeading, NO_RULES, NO_WARNINGS, PLAN_HEADERS, PLAN_LEGEND, PLAN_TITLE, planRuleRow, routeHeading } from "../plan/planCells";
import type { RoutingPlan } from "../plan/plan";
import { markdownTable } from "./tables";

/** The plan as a pull-request comment: a section per called number, a table per trunk. */
export function renderPlanMarkdown(plan: RoutingPlan): string {
  const notes = plan.notes ?? [];
  const out: string[] = [`## ${PLAN_TITLE}`, PLAN_LEGEND, ...(notes.length > 0 ? [notes.map((n) => `> ${n}`).join("\n>\n")] : []), renderPlanFlowchart(plan)];
  for (const entry of plan.entries) {
    out.push(`### ${entryHeading(entry)}`);
    for (const route of entry.routes) {
      out.push(routeHeading(route, entry));
      out.push(route.rules.length === 0 ? `_${NO_RULES}_` : markdownTable(PLAN_HEADERS, route.rules.map(planRuleRow), [0]));
    }
  }
  if (plan.outbound !== undefined) out.push(`### ${OUTBOUND_TITLE}`, markdownTable(OUTBOUND_HEADERS, plan.outbound.map(outboundRow)));
  out.push("### Warnings", plan.warnings.length === 0 ? NO_WARNINGS : plan.warnings.map((w) => `- ${w}`).join("\n"));
  return `${out.join("\n\n")}\n`;
}
