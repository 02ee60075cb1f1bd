import { Command } from "commander";
import { declaresNothing, diffRouting, emptyStackError, formatDiff, hasRiskyChanges, type RoutingConfig } from "../../routing";
import { loadSides } from "../../routing/loadSides";
import { type ExternalTrunkFlags, resolveExternalTrunks, withExternalTrunkOptions } from "../externalTrunkOptions";
import { type FormatFlags, SOURCE_HELP, type SourceFlags, sourceOf, withFormatOption, withSourceOptions } from "../sourceOptions";

interface DiffFlags extends SourceFlags, FormatFlags, ExternalTrunkFlags {
  git?: string;
  baseRef?: string;
  headRef?: string;
  failOnRisk?: boolean;
}

/** Exit status with --fail-on-risk when a change is risky; 1 stays reserved for errors (as drift's --exit-code). */
export const RISKY_EXIT_CODE = 2;

interface Revisions {
  base: string;
  /** Undefined: the working tree. */
  head?: string;
}

function revisionsOf({ git, baseRef, headRef }: DiffFlags): Revisions | undefined {
  if (git !== undefined) {
    if (baseRef !== undefined || headRef !== undefined) throw new Error("give either --git or --base-ref/--head-ref, not both");
    if (git.includes("...")) throw new Error(`--git ${git}: three-dot ranges are not supported; give the merge base as <base>`);
    const [base, head] = git.split("..");
    return { base, head: head || undefined };
  }
  if (baseRef !== undefined) return { base: baseRef, head: headRef };
  if (headRef !== undefined) throw new Error("--head-ref needs --base-ref");
  return undefined;
}

async function bothSides(sources: string[], flags: DiffFlags): Promise<[RoutingConfig, RoutingConfig]> {
  const revisions = revisionsOf(flags);
  if (revisions !== undefined) {
    if (sources.length !== 1) throw new Error(`with git revisions, give one source (got ${sources.length})`);
    const [before, after] = await loadSides([
      { source: sourceOf(sources[0], flags), ref: revisions.base },
      { source: sourceOf(sources[0], flags), ref: revisions.head },
    ]);
    return [before, after];
  }
  if (sources.length !== 2) throw new Error(`give two sources, before and after, or one with --git <base>..<head> (got ${sources.length})`);
  const [before, after] = await loadSides([{ source: sourceOf(sources[0], flags) }, { source: sourceOf(sources[1], flags) }]);
  return [before, after];
}

/** How each side is named in messages: the path, at its revision when there is one. */
function sideNames(sources: string[], flags: DiffFlags): [string, string] {
  const revisions = revisionsOf(flags);
  if (revisions === undefined) return [sources[0], sources[1]];
  return [`${sources[0]} at ${revisions.base}`, `${sources[0]} ${revisions.head === undefined ? "in the working tree" : `at ${revisions.head}`}`];
}

async function run(sources: string[], flags: DiffFlags): Promise<void> {
  const loaded = await bothSides(sources, flags);
  const [beforeName, afterName] = sideNames(sources, flags);
  const {
    configs: [before, after],
    notes,
  } = await resolveExternalTrunks(
    [
      { name: beforeName, config: loaded[0] },
      { name: afterName, config: loaded[1] },
    ],
    flags,
  );
  // Both sides read the same trunks, which the change therefore leaves alone: said on stderr, the report being about the change.
  for (const note of notes) process.stderr.write(`note: ${note.replace(/`/g, "")}\n`);
  if (!flags.allowEmpty && declaresNothing(before) !== declaresNothing(after)) {
    throw declaresNothing(after)
      ? emptyStackError(`the after side, ${afterName},`, `, while the before side, ${beforeName}, does`)
      : emptyStackError(`the before side, ${beforeName},`, `, while the after side, ${afterName}, does`);
  }
  const changes = diffRouting(before, after);
  process.stdout.write(formatDiff(changes, flags.format, { before, after }));
  if (flags.failOnRisk && hasRiskyChanges(changes)) process.exitCode = RISKY_EXIT_CODE;
}

export function diffCommand(): Command {
  const command = new Command("diff")
    .description(
      "Describe what a change does to inbound calls: numbers added or removed, calls landing in another room or agent, pins, " +
        "security (auth, allow-lists, encryption), Krisp and codecs, risky changes first. Compares two sources (e.g. " +
        "Pulumi.dev.yaml Pulumi.prod.yaml), or one source at two git revisions. Evaluated offline: no LiveKit credentials, no network (unless --trunks-from-livekit).",
    )
    .argument("<sources...>", `before and after, each ${SOURCE_HELP}; with git revisions, one source`)
    .option("--git <range>", "<base>..<head>: the source at two revisions of the repository; <base> alone compares with the working tree")
    .option("--base-ref <ref>", "the same as --git <ref>..: the revision before")
    .option("--head-ref <ref>", "with --base-ref: the revision after (default: the working tree)")
    .option("--fail-on-risk", `exit with ${RISKY_EXIT_CODE} when a change is risky (errors exit with 1)`);
  return withExternalTrunkOptions(withFormatOption(withSourceOptions(command))).action((sources: string[], flags: DiffFlags) => run(sources, flags));
}
