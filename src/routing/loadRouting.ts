import type { DesiredStateOptions } from "../tools/offline/desiredState";
import type { RoutingConfig } from "../callRouting";
import { withRevision } from "./gitRevision";
import { routingConfigOfChecked } from "./routingConfig";

/** What to review: a spec file (bare or a `Pulumi.<stack>.yaml`) or a program (file or project directory). */
export interface ReviewSource extends DesiredStateOptions {
  path: string;
}

/**
 * The inbound routing a source declares, evaluated offline: no LiveKit credentials, no network.
 * Programs run under Pulumi's mocks in this process, one at a time.
 */
export async function loadRoutingConfig(source: ReviewSource): Promise<RoutingConfig> {
  // Loaded on demand: it needs @pulumi/pulumi, which the pure routing functions do without.
  const { loadDesiredState } = await import("../tools/offline/desiredState");
  return routingConfigOfChecked(await loadDesiredState(source.path, source));
}

/**
 * The same, for the source as it is in git revision `ref` of the repository around `cwd` (default:
 * the current directory). Relative paths, including `configFile`, are relative to `cwd`.
 */
export function loadRoutingConfigAt(source: ReviewSource, ref: string, cwd?: string): Promise<RoutingConfig> {
  return withRevision(
    ref,
    (tree) =>
      loadRoutingConfig({
        ...source,
        path: tree.pathOf(source.path),
        ...(source.configFile === undefined ? {} : { configFile: tree.pathOf(source.configFile) }),
      }),
    cwd,
  );
}
