import type { SipApi } from "../../client/sipApi";
import { buildExportModel, type ExportModel } from "./exportModel";
import { readLiveProject, type ReadListener } from "../../resources/liveProject";
import { renderProgram } from "./renderProgram";
import { renderSpecYaml } from "./renderSpecYaml";
import { setupCommands } from "./setupNotes";

export type ExportFormat = "yaml" | "typescript";

export interface ExportOptions {
  format: ExportFormat;
  /** The project's URL, written into the header and the setup commands. */
  url: string;
  /** YAML only: the Pulumi project and config key of the spec (default `livekit-telephony`, `telephony`). */
  project?: string;
  key?: string;
  onRead?: ReadListener;
}

export interface ExportResult {
  text: string;
  model: ExportModel;
  /** The `pulumi config set` commands to run before the first `pulumi up`, also in the text's header. */
  setup: string[];
}

/** Reads a live LiveKit project and writes it as a program or spec that adopts every object. */
export async function exportProject(api: SipApi, options: ExportOptions): Promise<ExportResult> {
  const model = buildExportModel(await readLiveProject(api, options.onRead));
  const text =
    options.format === "typescript"
      ? renderProgram(model, { url: options.url })
      : renderSpecYaml(model, { url: options.url, project: options.project ?? "livekit-telephony", key: options.key ?? "telephony" });
  return { text, model, setup: setupCommands(model, options.url) };
}

export { buildExportModel, readLiveProject, renderProgram, renderSpecYaml, setupCommands };
export type { ExportModel };
export { specFromModel } from "./specFromModel";
