import type { LiveProject } from "../../resources/liveProject";
import type { DesiredResource } from "../offline/desiredResource";
import { definitions } from "../../resources";
import type { ResourceDefinition } from "../../resources/definition";
import type { DriftReport } from "./driftReport";
import { fieldDrift } from "./fieldDrift";
import { type KnownIds, matchResources } from "./matchResources";
import { resolveReferences } from "./resolveReferences";

/** Compares a stack's declared resources with a live project, field by field. */
export function detectDrift(desired: DesiredResource[], live: LiveProject, knownIds?: KnownIds): DriftReport {
  const { matches, unclaimed } = matchResources(desired, live, knownIds);
  const report: DriftReport = { changed: [], missing: [], unmanaged: [], inSync: [] };
  for (const match of matches) {
    const { type, name } = match.desired;
    if (!match.live) {
      report.missing.push(match.expectedId ? { type, name, id: match.expectedId } : { type, name, sameName: match.sameName });
      continue;
    }
    const definition: ResourceDefinition = definitions[type];
    const id = String(match.live[definition.idField]);
    const liveArgs: Record<string, unknown> = definition.schema.fromWire(match.live) ?? {};
    const fields = fieldDrift(definition, resolveReferences(match.desired, matches), liveArgs);
    if (fields.length > 0) report.changed.push({ type, name, id, fields });
    else report.inSync.push({ type, name, id });
  }
  report.unmanaged = unclaimed.map(({ type, id, object }) => ({ type, id, label: String(object.name ?? "") }));
  return report;
}
