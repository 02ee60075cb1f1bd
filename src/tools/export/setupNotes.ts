import type { ExportModel } from "./exportModel";
import { definitions, sipResourceTypes } from "../../resources";

/**
 * The commands that give a stack what an export cannot write: the connection, and every secret by
 * placeholder. Values are never filled in, so nothing secret reaches files, terminals or CI logs.
 */
export function setupCommands(model: ExportModel, url: string): string[] {
  return [
    `pulumi config set livekit:url ${url}`,
    "pulumi config set livekit:apiKey <API key>",
    "pulumi config set --secret livekit:apiSecret <API secret>",
    ...model.secrets.map((s) => `pulumi config set --secret ${s.configKey} <value>   # ${s.describes}`),
  ];
}

/** "2 inbound trunks, 1 outbound trunk, 0 dispatch rules" */
export function counted(model: ExportModel): string {
  return sipResourceTypes
    .map((type) => {
      const n = model.resources.filter((r) => r.type === type).length;
      return `${n} ${definitions[type].noun}${n === 1 ? "" : "s"}`;
    })
    .join(", ");
}

/** The comment an export starts with: where it came from, how adoption works, what to set and review first. */
export function exportHeader(model: ExportModel, url: string, extraWarnings: string[] = []): string[] {
  const warnings = [...model.warnings, ...extraWarnings];
  return [
    `Exported by \`livekit-sip export\` from ${url}: ${counted(model)}.`,
    "Every resource has adoptId, so the first `pulumi up` takes the existing objects over instead of",
    "creating new ones, and changes nothing while this file matches LiveKit (see docs/adoption.md).",
    "",
    "Before the first `pulumi up`, set (connection settings only where the stack lacks them):",
    ...setupCommands(model, url).map((c) => `  ${c}`),
    ...(warnings.length > 0 ? ["", "Review before `pulumi up`:", ...warnings.map((w) => `  - ${w}`)] : []),
  ];
}
