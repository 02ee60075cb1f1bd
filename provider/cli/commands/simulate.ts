import { Command } from "commander";
import { declaresNothing, emptyStackError, formatSimulation, loadRoutingConfig, simulateCall, type SimulatedCall } from "../../review";
import { type FormatFlags, SOURCE_HELP, type SourceFlags, sourceOf, withFormatOption, withSourceOptions } from "../sourceOptions";

interface SimulateFlags extends SourceFlags, FormatFlags {
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

async function run(source: string, flags: SimulateFlags): Promise<void> {
  const config = await loadRoutingConfig(sourceOf(source, flags));
  if (!flags.allowEmpty && declaresNothing(config)) throw emptyStackError(source);
  process.stdout.write(formatSimulation(simulateCall(config, callOf(flags)), flags.format));
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
  return withFormatOption(withSourceOptions(command)).action((source: string, flags: SimulateFlags) => run(source, flags));
}
