import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { RunningEmulator } from "../../../../src/emulator";

const cliPath = resolve(__dirname, "../../../../dist/cli/main.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The built `livekit-sip` (run `npm run build` first) as a process, with only the environment given (plus PATH). */
export function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun> {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first`);
  return new Promise((done) => {
    execFile(process.execPath, [cliPath, ...args], { cwd: options.cwd, env: { PATH: process.env.PATH ?? "", ...options.env } }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The variables `lk` and our commands read to find a project, pointing at an emulator; CI as in a pipeline. */
export const livekitEnv = (emulator: RunningEmulator) => ({
  LIVEKIT_URL: emulator.url,
  LIVEKIT_API_KEY: emulator.apiKey,
  LIVEKIT_API_SECRET: emulator.apiSecret,
  CI: "true",
});
