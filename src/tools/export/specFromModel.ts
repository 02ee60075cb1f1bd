import type { TelephonySpec } from "../../stack/spec";
import { sections, type Section } from "../../stack/spec";
import type { ResourceType } from "../../resources";
import { descend, mapTree } from "../../schema/jsonTree";
import { type ExportModel, type ExportedResource, SecretPlaceholder, TrunkReference, describeObject } from "./exportModel";

const sectionOf = Object.fromEntries(Object.entries(sections).map(([section, type]) => [type, section])) as Record<ResourceType, Section>;

export interface ExportedSpec {
  spec: TelephonySpec;
  /** Secrets a spec cannot refer to (only authPassword takes `{ secret: key }`); they stay placeholders that fail validation. */
  problems: string[];
}

/** The export as a TelephonyStack spec: sections of entries by logical name, trunks by name, secrets by config key. */
export function specFromModel(model: ExportModel): ExportedSpec {
  const spec: Record<string, Record<string, unknown>> = {};
  const problems: string[] = [];
  for (const resource of model.resources) {
    const section = sectionOf[resource.type];
    spec[section] ??= {};
    spec[section][resource.logicalName] = specEntry(resource, problems);
  }
  return { spec: spec as TelephonySpec, problems };
}

function specEntry(resource: ExportedResource, problems: string[]): Record<string, unknown> {
  // TelephonyStack names objects after their logical name unless the entry says otherwise.
  const entry: Record<string, unknown> = { adoptId: resource.id, name: "" };
  for (const [key, value] of Object.entries(resource.args)) {
    if (key === "trunkIds") {
      const ids = value as (string | TrunkReference)[];
      const trunks = ids.filter((id) => id instanceof TrunkReference).map((ref) => ref.logicalName);
      const raw = ids.filter((id) => typeof id === "string");
      if (trunks.length > 0) entry.trunks = trunks;
      if (raw.length > 0) entry.trunkIds = raw;
    } else {
      entry[key] = mapTree(value, (node) => {
        if (!(node instanceof SecretPlaceholder)) return descend;
        if (key !== "authPassword") problems.push(nestedSecretProblem(resource, key));
        return { secret: node.configKey };
      });
    }
  }
  return entry;
}

const nestedSecretProblem = (resource: ExportedResource, key: string) =>
  `${describeObject(resource.type, resource.args.name, resource.id)}: a spec takes secrets only in authPassword, so the credentials in ${key} are left as { secret: … } placeholders that TelephonyStack rejects; export with --format typescript for this project`;
