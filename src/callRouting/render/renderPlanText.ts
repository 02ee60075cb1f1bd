import { OUTBOUND_HEADERS, OUTBOUND_TITLE, outboundRow } from "../plan/planOutbound";
import { entryHeading, NO_RULES, NO_WARNINGS, PLAN_HEADERS, PLAN_LEGEND, PLAN_TITLE, planRuleRow, routeHeading } from "../plan/planCells";
import type { RoutingPlan } from "../plan/plan";
import { textTable } from "./tables";
import { plainText } from "../wording";

/** The plan for a terminal: indented sections and padded columns, no colours. */
export function renderPlanText(plan: RoutingPlan): string {
  const out: string[] = [PLAN_TITLE.toUpperCase(), plainText(PLAN_LEGEND), ...(plan.notes ?? []).map((n) => `Note: ${plainText(n)}`)];
  for (const entry of plan.entries) {
    out.push("", plainText(entryHeading(entry)));
    for (const route of entry.routes) {
      out.push(`  ${plainText(routeHeading(route, entry))}`);
      const rows = route.rules.map((rule, i) => planRuleRow(rule, i).map(plainText));
      out.push(rows.length === 0 ? `    ${NO_RULES}` : textTable(PLAN_HEADERS, rows, "    "));
    }
  }
  if (plan.outbound !== undefined) {
    out.push("", OUTBOUND_TITLE, textTable(OUTBOUND_HEADERS, plan.outbound.map((t) => outboundRow(t).map(plainText)), "  "));
  }
  out.push("", "Warnings", ...(plan.warnings.length === 0 ? [`  ${NO_WARNINGS}`] : plan.warnings.map((w) => `  - ${plainText(w)}`)));
  return `${out.join("\n")}\n`;
}
