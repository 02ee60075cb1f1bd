import * as pulumi from "@pulumi/pulumi";
import { createMonitorTap, TapHandlers } from "./monitorTap";
import type { Program } from "./engineTypes";

export interface ProgramRunOptions {
  project: string;
  stack: string;
  preview: boolean;
  config: Record<string, string>;
  secretKeys: string[];
}

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
  try {
    const outputs = await pulumi.runtime.runInPulumiStack(run);
    if (programError) {
      throw programError.error;
    }
    return outputs;
  } finally {
    // Drains the RPC queue, so every registration (and its provider calls) has finished.
    await pulumi.runtime.disconnect();
  }
}
