import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { Command } from "commander";
import { parse } from "yaml";
import { exportProject, type ExportFormat } from "../../tools/export";
import { counted } from "../../tools/export/setupNotes";
import { definitions, sipResourceTypes } from "../../resources";
import { type ConnectionFlags, connectionFrom, sipApiFor, withConnectionOptions } from "../connectionOptions";
import { parseChoice } from "../optionParsers";
import { createProgress } from "../progress";

interface ExportFlags extends ConnectionFlags {
  format?: "yaml" | "typescript" | "ts";
  out?: string;
  force?: boolean;
  project?: string;
  key: string;
}

function formatOf(flags: ExportFlags): ExportFormat {
  if (flags.format) return flags.format === "yaml" ? "yaml" : "typescript";
  return flags.out !== undefined && /\.[mc]?ts$/.test(flags.out) ? "typescript" : "yaml";
}

/** The Pulumi project in the current directory, whose config the spec would go into. */
function currentProject(): string | undefined {
  if (!existsSync("Pulumi.yaml")) return undefined;
  const name = (parse(readFileSync("Pulumi.yaml", "utf8")) as { name?: unknown } | null)?.name;
  return typeof name === "string" ? name : undefined;
}

async function run(flags: ExportFlags): Promise<void> {
  if (flags.out !== undefined && existsSync(flags.out) && !flags.force) {
    throw new Error(`${flags.out} exists; merge the export into it by hand, or pass --force to overwrite it`);
  }
  const connection = connectionFrom(flags);
  const progress = createProgress();
  let kindsRead = 0;
  const result = await exportProject(sipApiFor(connection), {
    format: formatOf(flags),
    url: connection.url,
    project: flags.project ?? currentProject(),
    key: flags.key,
    onRead: (type, count) => progress.step(`read ${count} ${definitions[type].noun}s`, ++kindsRead, sipResourceTypes.length),
  });
  progress.finish();
  if (flags.out === undefined) process.stdout.write(result.text);
  else writeFileSync(flags.out, result.text);

  const { model, setup } = result;
  const lines = [`Exported ${counted(model)}${flags.out === undefined ? "" : ` to ${flags.out}`}.`];
  if (model.warnings.length > 0) lines.push("Review before `pulumi up`:", ...model.warnings.map((w) => `  - ${w}`));
  lines.push("Before the first `pulumi up`, set (connection settings only where the stack lacks them):", ...setup.map((c) => `  ${c}`));
  process.stderr.write(`${lines.join("\n")}\n`);
}

export function exportCommand(): Command {
  return withConnectionOptions(
    new Command("export")
      .description(
        "Write the trunks and dispatch rules of a live LiveKit project as a TelephonyStack spec (YAML, a Pulumi.<stack>.yaml " +
          "fragment) or a TypeScript program. Every object gets adoptId, so the first `pulumi up` adopts instead of duplicating; " +
          "secrets become config placeholders.",
      )
      .option("--format <format>", "yaml or typescript (default: from --out's extension, else yaml)", parseChoice(["yaml", "typescript", "ts"] as const))
      .option("-o, --out <file>", "write to this file instead of standard output")
      .option("--force", "overwrite --out if it exists")
      .option("--project <name>", "YAML: Pulumi project whose config holds the spec (default: ./Pulumi.yaml's name, else livekit-telephony)")
      .option("--key <key>", "YAML: config key of the spec, as TelephonyStack.fromConfig reads it", "telephony"),
  ).action((flags: ExportFlags) => run(flags));
}
