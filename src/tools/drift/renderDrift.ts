import { definitions } from "../../resources";
import type { DriftReport, FieldDrift, MissingResource } from "./driftReport";

const shown = (value: unknown) => (value === undefined ? "(not set)" : JSON.stringify(value));

function missingReason(r: MissingResource): string {
  if (r.id) return "not in LiveKit (deleted?)";
  if (r.sameName) return `${r.sameName} objects have its name; give it adoptId or pass --state to say which`;
  return "no object in LiveKit has its name (not created yet, or renamed; give it adoptId or pass --state)";
}

const fieldLine = (f: FieldDrift) => `    ${f.path}: stack ${shown(f.stack)}, LiveKit ${shown(f.livekit)}`;

/** The report as text for a terminal or a CI log: one block per resource, differences field by field. */
export function renderDrift(report: DriftReport): string {
  const noun = (type: keyof typeof definitions) => definitions[type].noun;
  const lines: string[] = [];
  for (const r of report.changed) lines.push(`~ ${r.name} (${noun(r.type)} ${r.id}) differs:`, ...r.fields.map(fieldLine));
  for (const r of report.missing) lines.push(`- ${r.name} (${noun(r.type)}${r.id ? ` ${r.id}` : ""}): ${missingReason(r)}`);
  for (const o of report.unmanaged) lines.push(`+ ${o.id} (${noun(o.type)}${o.label ? ` ${JSON.stringify(o.label)}` : ""}): in LiveKit, not managed by this stack`);
  const summary =
    `${report.inSync.length} in sync, ${report.changed.length} changed, ${report.missing.length} missing in LiveKit, ${report.unmanaged.length} not managed.` +
    " Secret values are compared only as set or not set.";
  return `${[...(lines.length === 0 ? ["No drift: LiveKit matches the stack."] : [...lines, ""]), summary].join("\n")}\n`;
}
