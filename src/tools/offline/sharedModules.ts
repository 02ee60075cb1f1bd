import Module from "node:module";

/**
 * A program evaluated offline must register its resources with the Pulumi runtime that holds the
 * mocks: this process's `@pulumi/pulumi`. A copy found next to the program (npx, a git revision
 * extracted to a temporary directory) would try to reach a real engine instead. This package is
 * shared for the same reason, and because it is not installed inside its own repository, where the
 * examples import it by name.
 */
const sharedPackages = /^(?:@pulumi\/pulumi|pulumi-livekit-sip)(?:\/|$)/;

type ResolveFilename = (this: unknown, request: string, parent: unknown, ...rest: unknown[]) => string;

/** Runs `load` (a `require`) with the shared packages resolved from here rather than from the program. */
export function withSharedModules<T>(load: () => T): T {
  const loader = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = loader._resolveFilename;
  loader._resolveFilename = function (request, parent, ...rest) {
    return original.call(this, request, sharedPackages.test(request) ? module : parent, ...rest);
  };
  try {
    return load();
  } finally {
    loader._resolveFilename = original;
  }
}
