import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The compiled CLI (`npm run build` first), started as a real process. */

export const CLI_PATH = resolve(__dirname, "../../../dist/cli/main.js");

export function requireBuiltCli(): void {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build\` before these tests`);
}

export interface CliProcess {
  readonly child: ChildProcess;
  /** The URL printed on the first stdout line. */
  readonly url: string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Everything written to stdout so far. */
  stdout(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();

/** Kills whatever a test left running; call from `afterEach`. */
export async function killLeftovers(): Promise<void> {
  const left = [...running];
  running.clear();
  await Promise.all(
    left.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once("exit", () => done());
          child.kill("SIGKILL");
        }),
    ),
  );
}

export function runCli(args: readonly string[]): { child: ChildProcess; stdout: () => string; stderr: () => string; exited: CliProcess["exited"] } {
  const child = spawn(process.execPath, [CLI_PATH, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let out = "";
  let err = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString("utf8")));
  child.stderr?.on("data", (d: Buffer) => (err += d.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      done({ code, signal });
    }),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Starts `livekit-sip <args>` and waits for the URL line. */
export async function startCli(args: readonly string[], timeoutMs = 15_000): Promise<CliProcess> {
  const cli = runCli(args);
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no URL within ${timeoutMs} ms; stderr: ${cli.stderr()}`)), timeoutMs);
    const check = () => {
      const line = cli.stdout().split("\n")[0];
      if (cli.stdout().includes("\n")) {
        clearTimeout(timer);
        done(line);
      }
    };
    cli.child.stdout?.on("data", check);
    void cli.exited.then(({ code }) => fail(new Error(`exited with ${code} before printing a URL; stderr: ${cli.stderr()}`)));
  });
  return { ...cli, url };
}

/** A temporary directory removed after the test file. */
export function useTempDir(): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "livekit-sip-emulator-"));
  });
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (dir === undefined) throw new Error("no temp dir yet");
    return dir;
  };
}
