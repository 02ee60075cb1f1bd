import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { RoutingConfig } from "../callRouting";
import { loadRoutingConfig, loadRoutingConfigAt, type ReviewSource } from "./loadRouting";

/**
 * Sources evaluated in child processes, the two sides of a diff at the same time: evaluating a
 * program runs Pulumi's runtime, which is process-wide and takes about 0.7 ms and most of a core
 * per resource, so a diff of two 6,000-resource revisions takes half the time on two cores (bench:
 * reviewScale). Each side's warnings are reported in order, before side first, once all are read.
 */

/** One side: a source, at a git revision when `ref` is given (relative paths from `cwd`). */
export interface Side {
  source: ReviewSource;
  ref?: string;
}

interface SideResult {
  config?: RoutingConfig;
  warnings: string[];
  error?: string;
}

/**
 * Two sides on two cores: V8's parallel collector threads would only compete with the other side,
 * and a larger young generation promotes fewer of Pulumi's short-lived promises (bench: about 10%
 * less CPU per side).
 */
const SIDE_FLAGS = ["--single-threaded-gc", "--max-semi-space-size=32"];

/** Compiled next to this module; absent when running from TypeScript sources (tests), which then load in turn. */
const worker = join(__dirname, "evaluateSide.js");

async function inProcess({ source, ref }: Side): Promise<SideResult> {
  const warnings: string[] = [];
  const collected = { ...source, onWarning: (w: string) => warnings.push(w) };
  try {
    const config = await (ref === undefined ? loadRoutingConfig(collected) : loadRoutingConfigAt(collected, ref));
    return { config, warnings };
  } catch (error) {
    return { warnings, error: error instanceof Error ? error.message : String(error) };
  }
}

function inChild(side: Side): Promise<SideResult> {
  const { onWarning, ...source } = side.source;
  void onWarning;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SIDE_FLAGS, worker], { stdio: ["pipe", "pipe", "inherit"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      try {
        resolve(JSON.parse(output) as SideResult);
      } catch {
        reject(new Error(`evaluating ${side.source.path} stopped (${signal ?? `exit code ${code}`}) without an answer`));
      }
    });
    child.stdin.end(JSON.stringify({ source, ref: side.ref, cwd: process.cwd() }));
  });
}

/**
 * The routing each side declares, each evaluated in a process of its own, all at once: `plan`
 * gives one side, `diff` two. Its evaluation's garbage then leaves with the process instead of
 * staying in the heap that builds and prints the report.
 */
export async function loadSides(sides: readonly Side[]): Promise<RoutingConfig[]> {
  const parallel = existsSync(worker);
  const results: SideResult[] = [];
  if (parallel) results.push(...(await Promise.all(sides.map(inChild))));
  else for (const side of sides) results.push(await inProcess(side));
  for (const [i, result] of results.entries()) {
    for (const warning of result.warnings) sides[i].source.onWarning?.(warning);
    if (result.error !== undefined) throw new Error(result.error);
  }
  return results.map((r) => r.config!);
}

/** The child's side: reads a side as JSON on stdin, answers with a SideResult as JSON on stdout. */
export async function answerSide(input: string): Promise<string> {
  const { source, ref, cwd } = JSON.parse(input) as Side & { cwd: string };
  process.chdir(cwd);
  return JSON.stringify(await inProcess({ source, ref }));
}
