import type { Command } from "commander";
import type { DesiredStateOptions } from "../tools/offline/desiredState";
import type { ReviewSource } from "../routing/loadRouting";
import { reportFormats, type ReportFormat } from "../routing/reports";
import { parseChoice } from "./optionParsers";

/** How commands that read what a stack declares (offline) take their source, and how reports are printed. */

export const SOURCE_HELP =
  "a spec file (Pulumi.<stack>.yaml or a bare TelephonyStack spec, .yaml) or a program (.ts/.js file or project directory)";

export interface SourceFlags extends DesiredStateOptions {
  key: string;
  allowEmpty?: boolean;
}

export function withSourceOptions(command: Command): Command {
  return command
    .option("--stack <name>", "program: read the config of Pulumi.<name>.yaml next to Pulumi.yaml")
    .option("--config-file <file>", "program: read config from this file instead")
    .option("--project <name>", "Pulumi project (config namespace) when no Pulumi.yaml names it")
    .option("--key <key>", "spec file: the config key holding the spec", "telephony")
    .option("--allow-empty", "accept a source that declares no LiveKit resources (by default an error: it would drop every call)");
}

/** Warnings of the provider's check go to stderr, worded as the provider logs them in `pulumi preview`. */
const printWarning = (warning: string) => process.stderr.write(`warning: ${warning}\n`);

export const sourceOf = (path: string, { stack, configFile, project, key }: SourceFlags): ReviewSource => ({ path, stack, configFile, project, key, onWarning: printWarning });

export interface FormatFlags {
  format: ReportFormat;
}

export function withFormatOption(command: Command): Command {
  return command.option("--format <format>", "markdown (for a pull-request comment), json or text", parseChoice(reportFormats), "text");
}
