import { Command, Option } from "commander";
import { driftAgainstLive, hasDrift, readStateIds, renderDrift } from "../../tools/drift";
import { definitions, sipResourceTypes } from "../../resources";
import { type ConnectionFlags, connectionFrom, sipApiFor, withConnectionOptions } from "../connectionOptions";
import { parseChoice } from "../optionParsers";
import { createProgress } from "../progress";
import { desiredStateOptionsOf, SOURCE_HELP, type SourceFlags, withSourceOptions } from "../sourceOptions";

interface DriftFlags extends ConnectionFlags, SourceFlags {
  state?: string;
  format: DriftFormat;
  /** The older spelling of `--format json`. */
  json?: boolean;
  exitCode?: boolean;
  ignoreUnmanaged?: boolean;
}

/** Drift is read in a terminal or by a script; it is not a pull-request report (see plan and diff). */
const driftFormats = ["text", "json"] as const;
type DriftFormat = (typeof driftFormats)[number];

/** Exit status with --exit-code when there is drift; 1 stays reserved for errors. */
export const DRIFT_EXIT_CODE = 2;

async function run(source: string, flags: DriftFlags): Promise<void> {
  const connection = connectionFrom(flags);
  const progress = createProgress();
  const total = 1 + sipResourceTypes.length;
  progress.step(`evaluating ${source}`, 0, total);
  // Loaded here, not at the top: it needs @pulumi/pulumi, which the other commands do without.
  const { loadDesiredState } = await import("../../tools/offline/desiredState");
  const desired = await loadDesiredState(source, desiredStateOptionsOf(flags));
  let done = 1;
  progress.step(`${desired.length} resources declared`, done, total);
  const report = await driftAgainstLive(desired, sipApiFor(connection), {
    knownIds: flags.state ? readStateIds(flags.state) : undefined,
    onRead: (type, count) => progress.step(`read ${count} ${definitions[type].noun}s`, ++done, total),
  });
  progress.finish();
  const visible = flags.ignoreUnmanaged ? { ...report, unmanaged: [] } : report;
  const json = flags.json || flags.format === "json";
  process.stdout.write(json ? `${JSON.stringify(visible, null, 2)}\n` : renderDrift(visible));
  if (flags.exitCode && hasDrift(visible)) process.exitCode = DRIFT_EXIT_CODE;
}

export function driftCommand(): Command {
  return withConnectionOptions(
    withSourceOptions(
      new Command("drift")
        .description(
          "Compare what a stack declares with the live LiveKit project: differences field by field, declared resources missing " +
            "in LiveKit, and live objects the stack does not manage.",
        )
        .argument("<source>", SOURCE_HELP),
    )
      .option("--state <file>", "`pulumi stack export` output, to find the objects of resources created without adoptId")
      .option("--ignore-unmanaged", "do not list (or count as drift) live objects the stack does not manage")
      .option("--format <format>", "text or json, like the other commands", parseChoice(driftFormats), "text")
      .addOption(new Option("--json", "the same as --format json").hideHelp())
      .option("--exit-code", `exit with ${DRIFT_EXIT_CODE} when there is drift (errors exit with 1)`),
  ).action((source: string, flags: DriftFlags) => run(source, flags));
}
