import { Command } from "commander";
import { buildRoutingPlan, declaresNothing, emptyStackError, formatPlan } from "../../routing";
import { loadSides } from "../../routing/loadSides";
import { type ExternalTrunkFlags, resolveExternalTrunks, withExternalTrunkOptions } from "../externalTrunkOptions";
import { parseList } from "../optionParsers";
import { type FormatFlags, SOURCE_HELP, type SourceFlags, sourceOf, withFormatOption, withSourceOptions } from "../sourceOptions";

interface PlanFlags extends SourceFlags, FormatFlags, ExternalTrunkFlags {
  phoneNumbers?: string[];
}

async function run(source: string, flags: PlanFlags): Promise<void> {
  const [loaded] = await loadSides([{ source: sourceOf(source, flags) }]);
  if (!flags.allowEmpty && declaresNothing(loaded)) throw emptyStackError(source);
  const { configs: [config], notes } = await resolveExternalTrunks([{ name: source, config: loaded }], flags);
  process.stdout.write(formatPlan(buildRoutingPlan({ ...config, phoneNumbers: flags.phoneNumbers, notes }), flags.format));
}

export function planCommand(): Command {
  const command = new Command("plan")
    .description(
      "Print the inbound routing table a stack declares: for each called number and for any other number, the trunks with their " +
        "caller, address and auth filters, then the dispatch rules in LiveKit's order with pin, room, agents, Krisp, codecs and " +
        "encryption. Evaluated offline: no LiveKit credentials, no network (unless --trunks-from-livekit).",
    )
    .argument("<source>", SOURCE_HELP)
    .option("--phone-numbers <list>", "comma-separated numbers to list even if nothing names them (e.g. every number the project owns)", parseList);
  return withExternalTrunkOptions(withFormatOption(withSourceOptions(command))).action((source: string, flags: PlanFlags) => run(source, flags));
}
