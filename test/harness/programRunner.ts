import * as pulumi from "@pulumi/pulumi";
import { createMonitorTap, TapHandlers } from "./monitorTap";
import { captureUnhandledRejections } from "./unhandledRejections";
import type { Program } from "./engineTypes";

export interface ProgramRunOptions {
  project: string;
  stack: string;
  preview: boolean;
  config: Record<string, string>;
  secretKeys: string[];
  /** Backstop for a program that never settles. */
  timeoutMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Mirrors the Node language host: a module whose export is a function (or default-exports one) is called. */
async function runExport(program: Program): Promise<unknown> {
  let exported = await program();
  const moduleDefault = (exported as { __esModule?: boolean; default?: unknown } | undefined)?.default;
  if ((exported as { __esModule?: boolean } | undefined)?.__esModule && typeof moduleDefault === "function") {
    exported = moduleDefault;
  }
  return typeof exported === "function" ? await (exported as () => unknown)() : exported;
}

/**
 * Evaluates a program against the mock monitor, routing every registration to `handlers`, and waits until all
 * registrations have settled. Resolves with the stack outputs the program returned.
 */
export async function evaluateProgram(program: Program, options: ProgramRunOptions, handlers: TapHandlers): Promise<unknown> {
  const tap = createMonitorTap(handlers, options.stack, options.project);
  await pulumi.runtime.setMocks(tap.mocks, options.project, options.stack, options.preview);
  tap.attach();
  // After setMocks (which resets runtime options) and before the program reads any config.
  pulumi.runtime.setAllConfig(options.config, options.secretKeys);
  // A program error is kept here and raised after the stack settles: letting it reach the stack resource makes the
  // SDK re-raise it as unhandled rejections, which jest pins on the running test even when the test expects it.
  let programError: { error: unknown } | undefined;
  const run = () =>
    runExport(program).catch((error: unknown) => {
      programError = { error };
      return undefined;
    });
  const rejections = captureUnhandledRejections();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    const message = `program did not settle within ${options.timeoutMs} ms (a registration may be stuck inside the SDK)`;
    timer = setTimeout(() => reject(new Error(message)), options.timeoutMs);
  });
  let outputs: unknown;
  let failure: { error: unknown } | undefined;
  try {
    outputs = await Promise.race([pulumi.runtime.runInPulumiStack(run), rejections.first, timedOut]);
    failure = programError;
  } catch (error) {
    failure = { error };
  }
  // Drains the RPC queue, so every registration (and its provider calls) has finished. A failed program can leave
  // RPCs pending forever, so then it only gets a moment; the next setMocks starts from a clean queue anyway.
  const drained = pulumi.runtime.disconnect();
  await (failure ? Promise.race([drained, sleep(1_000)]) : Promise.race([drained, timedOut]).catch((error: unknown) => (failure = { error })));
  clearTimeout(timer);
  // Rejections surface a tick after the promise fails, and until then they belong to this program, not to jest.
  await sleep(50);
  rejections.release();
  failure ??= rejections.seen.length > 0 ? { error: rejections.seen[0] } : undefined;
  if (failure) {
    throw failure.error;
  }
  return outputs;
}
