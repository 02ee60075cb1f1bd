/**
 * The implementation the `__provider` loader in state (src/resources/pulumi/providerLoader.ts) loads by
 * package name inside Pulumi's provider host. Because it is loaded at call time, `pulumi refresh`
 * and `destroy` always run the installed version rather than code frozen into state.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ResourceType, definitionOf } from "../resources";
import { connector } from "./connect";
import { lifecycle } from "./lifecycle";
import { configure, currentSettings } from "./settings";

export { configure } from "./settings";

const connect = connector(currentSettings);

const providers = new Map<ResourceType, dynamic.ResourceProvider>();

/** The lifecycle of a resource type. State written by earlier releases holds a loader that calls this and `configure` itself. */
export function provider(type: ResourceType): dynamic.ResourceProvider {
  let found = providers.get(type);
  if (!found) providers.set(type, (found = lifecycle(definitionOf(type), connect)));
  return found;
}

/** What the loader's `handler()` returns: the provider host configures it once, then calls it. */
export function dynamicProvider(type: ResourceType): dynamic.ResourceProvider {
  return {
    ...provider(type),
    async configure(req) {
      configure(req.config);
    },
  };
}
