/**
 * The implementation the serialized provider loads by package name inside Pulumi's provider host.
 * Because it is loaded at call time, `pulumi refresh` and `destroy` always run the installed version
 * rather than code frozen into state.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ResourceType, definitionOf } from "../resources";
import { connector } from "./connect";
import { lifecycle } from "./lifecycle";
import { currentSettings } from "./settings";

export { configure } from "./settings";

const connect = connector(currentSettings);

const providers = new Map<ResourceType, dynamic.ResourceProvider>();

export function provider(type: ResourceType): dynamic.ResourceProvider {
  let found = providers.get(type);
  if (!found) providers.set(type, (found = lifecycle(definitionOf(type), connect)));
  return found;
}
