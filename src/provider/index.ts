/**
 * The implementation the serialized provider loads by package name inside Pulumi's provider host.
 * Because it is loaded at call time, `pulumi refresh` and `destroy` always run the installed version
 * rather than code frozen into state.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { defaultRetryPolicy } from "../client/retry";
import { RetryingSipApi } from "../client/retryingSipApi";
import { TwirpSipApi } from "../client/twirpSipApi";
import { ResourceType, definitionOf } from "../resources";
import { KnownObjects } from "./knownObjects";
import { lifecycle } from "./lifecycle";
import { Owners } from "./owners";
import type { Connection } from "./reliableWrites";
import { currentSettings } from "./settings";

export { configure } from "./settings";

let client: { key: string; connection: Connection } | undefined;

/** One client per distinct connection, created on first use so `check` needs no credentials. */
function connect(): Connection {
  const settings = currentSettings();
  const key = JSON.stringify(settings);
  if (client?.key !== key) {
    const retry = { ...defaultRetryPolicy, maxRetries: settings.maxRetries };
    client = { key, connection: { api: new RetryingSipApi(new TwirpSipApi(settings), retry), retry, known: new KnownObjects(), owners: new Owners() } };
  }
  return client.connection;
}

const providers = new Map<ResourceType, dynamic.ResourceProvider>();

export function provider(type: ResourceType): dynamic.ResourceProvider {
  let found = providers.get(type);
  if (!found) providers.set(type, (found = lifecycle(definitionOf(type), connect)));
  return found;
}
