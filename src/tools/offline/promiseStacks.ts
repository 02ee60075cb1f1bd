/**
 * Pulumi's Node runtime records a formatted stack trace on every promise it creates, so that a
 * program exiting with promises still pending can be told where they came from. A large program
 * evaluated offline creates hundreds of thousands of them: capturing and formatting those stacks
 * was most of the time and half the memory of `plan` on 6,000 resources (bench: scaling
 * `programEvaluation`). Offline nothing reports leaks, so the recording is switched off while a
 * program runs and put back afterwards.
 *
 * The runtime calls the helper through its module's exports, so replacing the export reaches every
 * call. Should a future @pulumi/pulumi move it, evaluation stays correct, only slower; a test
 * checks the hook is still there.
 */
type Debuggable = { debuggablePromise?: <T>(promise: Promise<T>, context: unknown) => Promise<T> };

export function debuggableModule(): Debuggable | undefined {
  try {
    return require("@pulumi/pulumi/runtime/debuggable") as Debuggable;
  } catch {
    return undefined;
  }
}

export async function withoutPromiseStacks<T>(run: () => Promise<T>): Promise<T> {
  const runtime = debuggableModule();
  const original = runtime?.debuggablePromise;
  if (!runtime || typeof original !== "function") return run();
  runtime.debuggablePromise = (promise) => promise;
  try {
    return await run();
  } finally {
    runtime.debuggablePromise = original;
  }
}
