import { Command } from "commander";
import { declaresNothing, emptyStackError, formatSimulation, loadRoutingConfig, simulateCall, type RoutingConfig, type SimulatedCall } from "../../routing";
import { type ExternalTrunkFlags, resolveExternalTrunks, withExternalTrunkOptions } from "../externalTrunkOptions";
import { type FormatFlags, SOURCE_HELP, type SourceFlags, sourceOf, withFormatOption, withSourceOptions } from "../sourceOptions";

interface SimulateFlags extends SourceFlags, FormatFlags, ExternalTrunkFlags {
  to: string;
  from: string;
  sourceIp?: string;
  fromHost?: string;
  pin?: string;
}

/** `#` stands for pressing the pound key at the prompt without digits, which LiveKit treats apart from any pin. */
function callOf({ to, from, sourceIp = "", fromHost = "", pin }: SimulateFlags): SimulatedCall {
  return { calledNumber: to, callerNumber: from, sourceIp, callerHost: fromHost, ...(pin === "#" ? { noPin: true } : { pin: pin ?? "" }) };
}

/**
 * A called number typed without `+` (`4155550100`) matches no trunk: LiveKit compares numbers in
 * E.164. Names the listed number it most likely means.
 */
export function calledNumberHint(config: RoutingConfig, to: string): string | undefined {
  if (to.startsWith("+") || to.startsWith("number:")) return undefined;
  const digits = to.replace(/\D/g, "");
  if (digits === "") return undefined;
  const listed = [...config.trunks.flatMap((t) => t.numbers ?? []), ...(config.livekitNumbers ?? []).flatMap((n) => (n.e164Format ? [n.e164Format] : []))];
  const meant = listed.find((n) => n.startsWith("+") && n.replace(/\D/g, "").endsWith(digits));
  return meant
    ? `hint: --to ${to} has no "+" and matches no trunk number; did you mean --to ${meant}?`
    : `hint: --to ${to} has no "+": LiveKit compares numbers in E.164 form, e.g. +14155550100`;
}

async function run(source: string, flags: SimulateFlags): Promise<void> {
  const loaded = await loadRoutingConfig(sourceOf(source, flags));
  if (!flags.allowEmpty && declaresNothing(loaded)) throw emptyStackError(source);
  const {
    configs: [config],
    notes,
  } = await resolveExternalTrunks([{ name: source, config: loaded }], flags);
  for (const note of notes) process.stderr.write(`note: ${note.replace(/`/g, "")}\n`);
  const result = simulateCall(config, callOf(flags));
  process.stdout.write(formatSimulation(result, flags.format));
  const hint = result.outcome === "room" ? undefined : calledNumberHint(config, flags.to);
  if (hint !== undefined) process.stderr.write(`${hint}\n`);
}

export function simulateCommand(): Command {
  const command = new Command("simulate")
    .description(
      "Follow one inbound call through LiveKit's routing as a stack declares it: which trunk matches, which dispatch rule wins " +
        "and why the others lose, and the room name, participant identity and attributes the caller gets.",
    )
    .argument("<source>", SOURCE_HELP)
    .requiredOption("--to <number>", "called number (the INVITE's To user)")
    .requiredOption("--from <number>", "caller number (the INVITE's From user)")
    .option("--source-ip <ip>", "address the INVITE comes from; without it allowed addresses cannot filter")
    .option("--from-host <host>", "the From host, which hostname entries of allowed addresses are compared with")
    .option("--pin <digits>", "digits entered at the pin prompt; # for pressing # alone (default: the call before any prompt)");
  return withExternalTrunkOptions(withFormatOption(withSourceOptions(command))).action((source: string, flags: SimulateFlags) => run(source, flags));
}
