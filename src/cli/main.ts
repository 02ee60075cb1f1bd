#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { diffCommand } from "./commands/diff";
import { driftCommand } from "./commands/drift";
import { emulatorCommand } from "./commands/emulator";
import { exportCommand } from "./commands/export";
import { planCommand } from "./commands/plan";
import { simulateCommand } from "./commands/simulate";

/**
 * The `livekit-sip` command. Each subcommand lives in `commands/<name>.ts` and is added here.
 */

function packageVersion(): string {
  // Both src/cli (tests) and dist/cli (installed) sit two levels below the package root.
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

export function buildProgram(): Command {
  return new Command("livekit-sip")
    .description("Tools for LiveKit telephony (SIP trunks and dispatch rules) managed as code.")
    .version(packageVersion())
    .addCommand(emulatorCommand())
    .addCommand(exportCommand())
    .addCommand(driftCommand())
    .addCommand(planCommand())
    .addCommand(diffCommand())
    .addCommand(simulateCommand());
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((err: Error) => {
      process.stderr.write(`livekit-sip: ${err.message}\n`);
      process.exit(1);
    });
}
