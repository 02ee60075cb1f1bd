import type { Command } from "commander";
import type { DesiredStateOptions } from "../tools/offline/desiredState";
import type { ReviewSource } from "../routing/loadRouting";
import { reportFormats, type ReportFormat } from "../routing/reports";
import { readStackOutputs } from "../tools/offline/stackReferences";
import { parseChoice } from "./optionParsers";

/** How commands that read what a stack declares (offline) take their source, and how reports are printed. */

export const SOURCE_HELP =
  "a spec file (Pulumi.<stack>.yaml or a bare TelephonyStack spec, .yaml) or a program (.ts/.js file or project directory)";

export interface SourceFlags extends Omit<DesiredStateOptions, "stackOutputs"> {
  key: string;
  allowEmpty?: boolean;
  /** `[<stack>=]<file>`, as given. */
  stackOutputs?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function withSourceOptions(command: Command): Command {
  return command
    .option("--stack <name>", "program: read the config of Pulumi.<name>.yaml next to Pulumi.yaml")
    .option("--config-file <file>", "program: read config from this file instead")
    .option("--project <name>", "Pulumi project (config namespace) when no Pulumi.yaml names it")
    .option("--key <key>", "spec file: the config key holding the spec", "telephony")
    .option(
      "--stack-outputs <[stack=]file>",
      "program: outputs of a stack its StackReference reads, the JSON `pulumi stack output --json --stack <stack>` prints; without stack=, for every reference (repeatable)",
      collect,
    )
    .option("--allow-empty", "accept a source that declares no LiveKit resources (by default an error: it would drop every call)");
}

/** Warnings of the provider's check go to stderr, worded as the provider logs them in `pulumi preview`. */
const printWarning = (warning: string) => process.stderr.write(`warning: ${warning}\n`);

/** The options a source is evaluated with; `--stack-outputs` files are read here, from the working tree (CI makes them; both sides of a diff read the same). */
export function desiredStateOptionsOf({ stack, configFile, project, key, stackOutputs }: SourceFlags): DesiredStateOptions {
  return { stack, configFile, project, key, ...(stackOutputs === undefined ? {} : { stackOutputs: readStackOutputs(stackOutputs) }) };
}

export const sourceOf = (path: string, flags: SourceFlags): ReviewSource => ({ path, ...desiredStateOptionsOf(flags), onWarning: printWarning });

export interface FormatFlags {
  format: ReportFormat;
}

export function withFormatOption(command: Command): Command {
  return command.option("--format <format>", "markdown (for a pull-request comment), json or text", parseChoice(reportFormats), "text");
}
