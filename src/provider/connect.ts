import { defaultRetryPolicy } from "../client/retry";
import { RetryingSipApi } from "../client/retryingSipApi";
import { TwirpSipApi } from "../client/twirpSipApi";
import { KnownObjects } from "./knownObjects";
import { Owners } from "./owners";
import type { Connection } from "./reliableWrites";
import type { Settings } from "./settings";

/**
 * A provider's way to LiveKit: one client per distinct connection, created on first use so `check`
 * needs no credentials. A new connection (other settings) starts with no known objects or owners.
 */
export function connector(settings: () => Settings): () => Connection {
  let client: { key: string; connection: Connection } | undefined;
  return () => {
    const current = settings();
    const key = JSON.stringify(current);
    if (client?.key !== key) {
      const retry = { ...defaultRetryPolicy, maxRetries: current.maxRetries };
      client = { key, connection: { api: new RetryingSipApi(new TwirpSipApi(current), retry), retry, known: new KnownObjects(), owners: new Owners() } };
    }
    return client.connection;
  };
}
