import { readFileSync } from "node:fs";
import { typeOfDynamicToken } from "../../resources";
import { type KnownIds, knownIdKey } from "./matchResources";

interface ExportedResource {
  urn?: string;
  type?: string;
  id?: string;
}

/**
 * The LiveKit IDs a stack manages, from `pulumi stack export` output: the one place that knows
 * which object a resource created without adoptId became.
 */
export function readStateIds(file: string): KnownIds {
  const state = JSON.parse(readFileSync(file, "utf8")) as { deployment?: { resources?: ExportedResource[] } };
  const resources = state.deployment?.resources;
  if (!Array.isArray(resources)) throw new Error(`${file} is not \`pulumi stack export\` output (no deployment.resources)`);
  const ids = new Map<string, string>();
  for (const { urn, type, id } of resources) {
    const kind = typeOfDynamicToken(type);
    if (!kind || !urn || !id) continue;
    ids.set(knownIdKey(kind, urn.slice(urn.lastIndexOf("::") + 2)), id);
  }
  return ids;
}
