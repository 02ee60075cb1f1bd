import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as readline from "readline";
import { HOST_SCRIPT } from "./paths";

export interface HostLogLine {
  stream: "stdout" | "stderr";
  line: string;
}

export interface HostProcessOptions {
  /** The Pulumi project directory: the host resolves `require()` in provider code from here. */
  cwd: string;
  /** Sent as PULUMI_NODEJS_PROJECT / PULUMI_PROJECT, as the engine does. */
  project: string;
  env?: NodeJS.ProcessEnv;
  startTimeoutMs?: number;
}

export interface HostProcess {
  readonly pid: number;
  readonly port: number;
  logs(): HostLogLine[];
  peakRssBytes(): number | undefined;
  /** Kills the process and resolves once it has exited. */
  stop(): Promise<void>;
}

const WATCHDOG = path.join(__dirname, "hostWatchdog.js");

function readPeakRss(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function hostEnv(options: HostProcessOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The engine gives the plugin only the pulumi-nodejs: config namespace; never leak the test process's own.
  delete env.PULUMI_CONFIG;
  delete env.PULUMI_CONFIG_SECRET_KEYS;
  return { ...env, PULUMI_NODEJS_PROJECT: options.project, PULUMI_PROJECT: options.project, ...options.env };
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Spawns the dynamic-provider host the way the engine's plugin loader does and waits for its port. */
export async function spawnHostProcess(options: HostProcessOptions): Promise<HostProcess> {
  // Any non-empty engine address works: the host checks it is present but never dials it.
  const child = spawn(process.execPath, ["-r", WATCHDOG, HOST_SCRIPT, "127.0.0.1:1"], {
    cwd: options.cwd,
    env: hostEnv(options),
    stdio: ["pipe", "pipe", "pipe"],
  });
  const lines: HostLogLine[] = [];
  let lastRss: number | undefined;
  readline.createInterface({ input: child.stderr! }).on("line", (line) => lines.push({ stream: "stderr", line }));
  const stdout = readline.createInterface({ input: child.stdout! });

  const port = await new Promise<number>((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) {
        return;
      }
      settled = true;
      child.kill("SIGKILL");
      const stderr = lines.map((l) => l.line).join("\n");
      reject(new Error(`provider host did not start: ${why}${stderr ? `\n${stderr}` : ""}`));
    };
    const timer = setTimeout(() => fail("no port within the start timeout"), options.startTimeoutMs ?? 20_000);
    child.once("error", (err) => fail(err.message));
    child.once("exit", (code, signal) => fail(`exited with ${signal ?? code}`));
    stdout.once("line", (first) => {
      clearTimeout(timer);
      stdout.on("line", (line) => lines.push({ stream: "stdout", line }));
      const parsed = Number(first.trim());
      if (!Number.isInteger(parsed) || parsed <= 0) {
        fail(`first stdout line was not a port: ${JSON.stringify(first)}`);
        return;
      }
      settled = true;
      resolve(parsed);
    });
  });

  // A host nobody closed must not keep the test process alive; the watchdog reaps it when this process exits.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }

  return {
    pid: child.pid!,
    port,
    logs: () => [...lines],
    peakRssBytes: () => readPeakRss(child.pid!) ?? lastRss,
    async stop() {
      lastRss = readPeakRss(child.pid!) ?? lastRss;
      // Keep this process alive until the host has really gone.
      child.ref();
      const exited = waitForExit(child);
      child.kill("SIGTERM");
      const escalate = setTimeout(() => child.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(escalate);
    },
  };
}
