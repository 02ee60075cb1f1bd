import { definitions } from "../../resources";
import type { DesiredResource } from "../offline/desiredResource";
import { parseRef } from "../offline/resourceRefs";
import type { Match } from "./matchResources";

/**
 * A rule's desired arguments with references to the program's own trunks replaced by those
 * trunks' LiveKit IDs. A trunk that is not in LiveKit stays visible by name, so it shows as a
 * difference instead of silently matching nothing.
 */
export function resolveReferences(resource: DesiredResource, matches: Match[]): Record<string, unknown> {
  const trunkIds = resource.args.trunkIds;
  if (!Array.isArray(trunkIds)) return resource.args;
  const resolved = trunkIds.map((value) => {
    const ref = parseRef(value);
    if (!ref) return value;
    const match = matches.find((m) => m.desired.type === ref.type && m.desired.name === ref.name);
    return match?.live ? String(match.live[definitions[ref.type].idField]) : `(${ref.name}: not in LiveKit)`;
  });
  return { ...resource.args, trunkIds: resolved };
}
