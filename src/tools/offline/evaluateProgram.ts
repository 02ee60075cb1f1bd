import * as pulumi from "@pulumi/pulumi";
import { descend, mapTree } from "../../schema/jsonTree";
import { splitControls, userControlsIn } from "../../resources/controls";
import { withLazyUnsetOutputs } from "../../resources/pulumi/liveKitResource";
import { definitions, typeOfDynamicToken } from "../../resources";
import type { DesiredResource } from "./desiredResource";
import { withoutPromiseStacks } from "./promiseStacks";
import { refFor } from "./resourceRefs";
import { outputsOf, STACK_REFERENCE_TYPE, type StackOutputs } from "./stackReferences";

export interface EvaluationOptions {
  project: string;
  stack: string;
  /** Namespaced config (`project:key`), values as the engine passes them (objects as JSON text). */
  config?: Record<string, string>;
  secretKeys?: string[];
  /** Backstop for a program that never settles. */
  timeoutMs?: number;
  /** Outputs for the program's StackReferences; without them, what the program takes from them is unknown. */
  stackOutputs?: StackOutputs;
  /** Hears each stack the program references, and whether its outputs were given. */
  onStackReference?: (stack: string, resolved: boolean) => void;
}

/** Mocks see secrets still wrapped, at any depth; offline nothing is secret from the comparison itself. */
function unwrapSecrets(value: unknown): unknown {
  return mapTree(value, (node) => (pulumi.runtime.isRpcSecret(node) ? unwrapSecrets(pulumi.runtime.unwrapRpcSecret(node)) : descend));
}

const typeOrder = Object.keys(definitions);

/**
 * Runs a Pulumi program without an engine or LiveKit (Pulumi's mocks stand in for both) and
 * returns the LiveKit resources it declares, trunks first, by name. Each resource gets a reference
 * as its ID, so rules that take a trunk's output show which trunk they mean.
 *
 * Uses the process-wide Pulumi runtime: evaluate one program at a time.
 */
export async function evaluateProgram(program: () => unknown, options: EvaluationOptions): Promise<DesiredResource[]> {
  const declared: DesiredResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource({ type: token, name, inputs }) {
        if (token === STACK_REFERENCE_TYPE) {
          const stack = String(inputs.name ?? name);
          const outputs = outputsOf(options.stackOutputs, stack);
          options.onStackReference?.(stack, outputs !== undefined);
          // Left out, the outputs are unknown, as in a preview that could not read the stack.
          return { id: stack, state: { name: stack, ...(outputs === undefined ? {} : { outputs }), secretOutputNames: [] } };
        }
        const type = typeOfDynamicToken(token);
        if (type === undefined) return { id: `${name}-id`, state: inputs };
        const { controls, args } = splitControls(unwrapSecrets(inputs) as Record<string, unknown>);
        declared.push({ type, name, ...userControlsIn(controls), args, stackProblems: controls.__stackProblems });
        const id = refFor(type, name);
        // The serialized provider is for the engine alone: kept out of the mocks' state, it is not
        // copied back and held for every resource.
        const { __provider, ...state } = inputs;
        void __provider;
        return { id, state: { ...state, [definitions[type].idField]: id } };
      },
      call({ token }) {
        throw new Error(`a program evaluated offline cannot call functions (${token})`);
      },
    },
    options.project,
    options.stack,
    true,
  );
  pulumi.runtime.setAllConfig(options.config ?? {}, options.secretKeys ?? []);
  await withoutPromiseStacks(() => withLazyUnsetOutputs(() => settle(program, options.timeoutMs ?? 60_000)));
  // Registration order follows the program's awaits, which vary from run to run.
  return declared.sort((a, b) => typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Runs the program inside a stack and waits for every registration. Errors are held until the
 * stack settles: thrown into the stack resource, the SDK would re-raise them as unhandled rejections.
 */
async function settle(program: () => unknown, timeoutMs: number): Promise<void> {
  let failure: { error: unknown } | undefined;
  const registered: Registered[] = [];
  const onRejection = (error: unknown) => (failure ??= { error });
  process.on("unhandledRejection", onRejection);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      failure ??= { error: new Error(`the program did not finish within ${timeoutMs / 1000} s`) };
      resolve();
    }, timeoutMs);
  });
  try {
    const run = async () => {
      try {
        pulumi.runtime.registerStackTransformation(({ resource, type, name }) => {
          registered.push({ resource, label: `${typeOfDynamicToken(type) ?? type} "${name}"` });
          return undefined;
        });
        await runExport(program);
      } catch (error) {
        failure ??= { error };
      }
    };
    await Promise.race([pulumi.runtime.runInPulumiStack(run).then(() => pulumi.runtime.disconnect()), timeout]);
    if (!failure) failure = await failedRegistration(registered);
    // The runtime re-raises each such failure as a rejection nobody handles, which Node reports
    // once the microtasks have run: listen one turn longer, so they end here, not the process.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    clearTimeout(timer);
    process.off("unhandledRejection", onRejection);
  }
  if (failure) throw failure.error;
}

interface Registered {
  resource: pulumi.Resource;
  /** `<Type> "<name>"`, as the review's messages name resources. */
  label: string;
}

/**
 * A resource whose inputs failed to resolve (a StackReference output that does not exist) never
 * reaches the mocks, and the stack settles without it: its URN holds the error. The engine would
 * fail the program on it; so does the review, rather than show routing without the resource.
 */
async function failedRegistration(resources: readonly Registered[]): Promise<{ error: unknown } | undefined> {
  for (const { resource, label } of resources) {
    const urn = resource.urn as unknown as { promise(): Promise<string> };
    const error = await urn.promise().then(
      () => undefined,
      (e: unknown) => e,
    );
    if (error !== undefined) return { error: new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`) };
  }
  return undefined;
}

/** As Pulumi's Node runtime does: a module that exports a function (or default-exports one) is called. */
async function runExport(program: () => unknown): Promise<unknown> {
  const exported = (await program()) as { __esModule?: boolean; default?: unknown } | undefined;
  const entry = exported?.__esModule && typeof exported.default === "function" ? exported.default : exported;
  return typeof entry === "function" ? await (entry as () => unknown)() : entry;
}
