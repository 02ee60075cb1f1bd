import { Document } from "yaml";
import type { ExportModel } from "./exportModel";
import { exportHeader } from "./setupNotes";
import { specFromModel } from "./specFromModel";

export interface SpecYamlOptions {
  /** Where the project was read from, for the header. */
  url: string;
  /** The Pulumi project whose config holds the spec; `livekit-telephony` is this package's root project. */
  project: string;
  /** The config key TelephonyStack.fromConfig reads. */
  key: string;
}

/** The export as a `Pulumi.<stack>.yaml` fragment: the spec under `<project>:<key>`, the setup commands as a comment. */
export function renderSpecYaml(model: ExportModel, options: SpecYamlOptions): string {
  const { spec, problems } = specFromModel(model);
  const document = new Document({ config: { [`${options.project}:${options.key}`]: spec } });
  document.commentBefore = exportHeader(model, options.url, problems)
    .map((line) => (line === "" ? "" : ` ${line}`))
    .join("\n");
  return document.toString({ lineWidth: 0 });
}
