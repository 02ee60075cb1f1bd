import { definitions, sipResourceTypes, type ResourceType, type SipResourceType } from "../../resources";
import type { ResourceDefinition } from "../../resources/definition";
import { validate } from "../../resources/validate";
import type { LiveObject, LiveProject } from "../../resources/liveProject";
import { LogicalNames } from "./logicalNames";
import { replacedAt, secretPaths } from "../../resources/secretPaths";
import { type SchemaNode, withoutDefaults } from "../../schema/withoutDefaults";

/** Stands for a secret value: the config key the user stores it under. */
export class SecretPlaceholder {
  constructor(readonly configKey: string) {}
}

/** A dispatch rule's trunk that is part of the export, by logical name. */
export class TrunkReference {
  constructor(readonly logicalName: string) {}
}

export interface ExportedResource {
  type: SipResourceType;
  logicalName: string;
  /** LiveKit's ID, written as `adoptId`. */
  id: string;
  /**
   * The arguments that reproduce the object: defaults left out, secrets replaced by
   * placeholders, and (dispatch rules) exported trunks in `trunkIds` replaced by references.
   */
  args: Record<string, unknown>;
}

/** A secret the user must store before the first `pulumi up`. */
export interface SecretSetting {
  configKey: string;
  /** Which value belongs there, e.g. `authPassword of inbound trunk "Twilio" (ST_…)`. */
  describes: string;
}

export interface ExportModel {
  resources: ExportedResource[];
  secrets: SecretSetting[];
  /** Things to review before `pulumi up`: objects our checks reject, passwords LiveKit did not report. */
  warnings: string[];
}

const fallbackNames: Record<SipResourceType, string> = { InboundTrunk: "inboundTrunk", OutboundTrunk: "outboundTrunk", DispatchRule: "dispatchRule" };

export function describeObject(type: ResourceType, name: unknown, id: string): string {
  return `${definitions[type].noun}${name ? ` ${JSON.stringify(name)}` : ""} (${id})`;
}

/**
 * What an export writes, independent of the output format. Objects are taken in ID order, so the
 * same project always yields the same names and the same text.
 */
export function buildExportModel(live: LiveProject): ExportModel {
  const names = new LogicalNames();
  const model: ExportModel = { resources: [], secrets: [], warnings: [] };
  for (const type of sipResourceTypes) {
    const definition: ResourceDefinition = definitions[type];
    for (const object of [...live[type]].sort(byId(definition))) {
      const full: Record<string, unknown> = definition.schema.fromWire(object) ?? {};
      const id = String(object[definition.idField]);
      const described = describeObject(type, full.name, id);
      const logicalName = names.claim(String(full.name ?? ""), fallbackNames[type]);
      const { args, secrets } = withSecretPlaceholders(definition, full, logicalName, described);
      model.resources.push({ type, logicalName, id, args });
      model.secrets.push(...secrets);
      model.warnings.push(...reviewNotes(definition, full, described));
    }
  }
  referenceExportedTrunks(model.resources);
  return model;
}

const byId = (definition: ResourceDefinition) => (a: LiveObject, b: LiveObject) =>
  String(a[definition.idField]) < String(b[definition.idField]) ? -1 : 1;

const capitalized = (part: string | number) => String(part)[0].toUpperCase() + String(part).slice(1);

/** The arguments without defaults, each secret replaced by a config key named after the object and the path. */
function withSecretPlaceholders(definition: ResourceDefinition, full: Record<string, unknown>, logicalName: string, described: string) {
  let args: unknown = withoutDefaults(definition.schema.fields, full);
  const secrets: SecretSetting[] = [];
  for (const path of secretPaths(definition, full)) {
    const configKey = logicalName + path.filter((part) => part !== "roomConfig").map(capitalized).join("");
    args = replacedAt(args, path, new SecretPlaceholder(configKey));
    secrets.push({ configKey, describes: `${path.join(".")} of ${described}` });
  }
  return { args: args as Record<string, unknown>, secrets };
}

/** What would stop or spoil the first `pulumi up`: objects our checks reject, passwords LiveKit kept to itself. */
function reviewNotes(definition: ResourceDefinition, full: Record<string, unknown>, described: string): string[] {
  const passwordHidden = !!full.authUsername && !full.authPassword;
  // A hidden password gets its own note below, not a second one about a missing password.
  const checked = passwordHidden ? { ...full, authPassword: "(hidden by LiveKit)" } : full;
  const notes = validate(definition, checked).map((f) => `${described}: ${f.property}: ${f.reason}. \`pulumi up\` stops at this resource until it is fixed.`);
  if (passwordHidden) {
    notes.push(
      `${described} has a username but LiveKit reported no password. If your LiveKit server hides passwords, add authPassword yourself (see docs/adoption.md): the first update Pulumi makes to this trunk would otherwise clear it.`,
    );
  }
  return notes;
}

/** Rules name the trunks of the same export by reference, as a program written by hand would. */
function referenceExportedTrunks(resources: ExportedResource[]): void {
  const inbound = new Map(resources.filter((r) => r.type === "InboundTrunk").map((r) => [r.id, r.logicalName]));
  for (const rule of resources.filter((r) => r.type === "DispatchRule")) {
    const trunkIds = rule.args.trunkIds as string[] | undefined;
    if (trunkIds) rule.args.trunkIds = trunkIds.map((id) => (inbound.has(id) ? new TrunkReference(inbound.get(id)!) : id));
  }
}
