import { Command } from "commander";
import { EMULATOR_DEFAULTS, FAULT_KINDS, startEmulator, type FaultKind, type FaultOptions, type RunningEmulator } from "../../emulator";
import { EMULATOR_MODES, FAULT_TIMINGS, type EmulatorMode, type EmulatorOptions, type FaultTiming, type LatencyOption } from "../../emulator/options";
import { parseChoice, parseFraction, parseInteger, parseList, parseMillisecondsOrRange, parsePort } from "../optionParsers";

interface EmulatorFlags {
  host: string;
  port: number;
  apiKey: string;
  apiSecret: string;
  state?: string;
  latency?: LatencyOption;
  faultRate?: number;
  faultSeed?: number;
  faultKinds?: string[];
  faultMethods?: string[];
  faultTiming?: FaultTiming;
  mode?: EmulatorMode;
  ossUpdateConflictGap?: boolean;
  quiet?: boolean;
}

function faultOptions(flags: EmulatorFlags): FaultOptions | undefined {
  if (flags.faultRate === undefined) return undefined;
  const methods = flags.faultMethods;
  const keyword = methods?.length === 1 ? methods[0] : undefined;
  return {
    rate: flags.faultRate,
    seed: flags.faultSeed,
    kinds: flags.faultKinds as FaultKind[] | undefined,
    methods: keyword === "all" || keyword === "mutating" || keyword === "read" ? keyword : methods,
    timing: flags.faultTiming,
  };
}

export function emulatorOptions(flags: EmulatorFlags): EmulatorOptions {
  return {
    host: flags.host,
    port: flags.port,
    apiKey: flags.apiKey,
    apiSecret: flags.apiSecret,
    statePath: flags.state,
    latency: flags.latency,
    faults: faultOptions(flags),
    mode: flags.mode,
    ossUpdateConflictGap: flags.ossUpdateConflictGap,
    log: flags.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
  };
}

/** Closes on the first SIGINT or SIGTERM, then exits with code 0. */
function exitOnSignals(emulator: RunningEmulator): void {
  const stop = () => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    emulator.close().then(
      () => process.exit(0),
      (err: Error) => {
        process.stderr.write(`error while stopping: ${err.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

async function run(flags: EmulatorFlags): Promise<void> {
  const emulator = await startEmulator(emulatorOptions(flags));
  exitOnSignals(emulator);
  // The only line on stdout, so scripts can read the URL; diagnostics go to stderr.
  process.stdout.write(`${emulator.url}\n`);
  const state = flags.state === undefined ? "in memory" : `in ${flags.state}`;
  process.stderr.write(`LiveKit SIP emulator on ${emulator.url} (API key ${emulator.apiKey}, state ${state})\n`);
}

export function emulatorCommand(): Command {
  return new Command("emulator")
    .description(
      "Run a local LiveKit SIP API (trunks and dispatch rules) that validates and answers like LiveKit. " +
        "No SIP signalling, media or calls.",
    )
    .option("--host <host>", "interface to listen on", EMULATOR_DEFAULTS.host)
    .option("--port <port>", "TCP port, 0 for a free one", parsePort, EMULATOR_DEFAULTS.port)
    .option("--api-key <key>", "API key clients sign tokens with", EMULATOR_DEFAULTS.apiKey)
    .option("--api-secret <secret>", "secret of that key", EMULATOR_DEFAULTS.apiSecret)
    .option("--state <file>", "keep state in this file (atomic, durable writes); default: memory only")
    .option("--latency <ms>", "delay every request by N or MIN-MAX milliseconds", parseMillisecondsOrRange)
    .option("--fault-rate <fraction>", "fail this fraction (0-1) of the selected requests", parseFraction)
    .option("--fault-seed <n>", "seed of the fault PRNG (same seed, same failures)", parseInteger)
    .option("--fault-kinds <kinds>", `comma-separated: ${FAULT_KINDS.join(", ")} (default unavailable)`, parseList)
    .option("--fault-methods <methods>", "all, mutating, read, or comma-separated method names (default all)", parseList)
    .option("--fault-timing <timing>", `${FAULT_TIMINGS.join(", ")}: fail before or after applying (default before)`, parseChoice(FAULT_TIMINGS))
    .option("--mode <mode>", "oss: like LiveKit's open-source server; cloud: timestamps and update conflicts as LiveKit Cloud", parseChoice(EMULATOR_MODES), "oss")
    .option("--oss-update-conflict-gap", "skip conflict checks on updates that move a resource, as OSS LiveKit does (the oss mode's default)")
    .option("--quiet", "do not log requests")
    .action((flags: EmulatorFlags) => run(flags));
}
