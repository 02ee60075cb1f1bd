import type { Command } from "commander";
import { defaultRetryPolicy } from "../client/retry";
import { RetryingSipApi } from "../client/retryingSipApi";
import type { SipApi } from "../client/sipApi";
import { TwirpSipApi, type Connection } from "../client/twirpSipApi";
import { retrySettings } from "../provider/settings";

export interface ConnectionFlags {
  url?: string;
  apiKey?: string;
  apiSecret?: string;
}

/** `--url`, `--api-key` and `--api-secret`, each falling back to the environment variable `lk` uses. */
export function withConnectionOptions(command: Command): Command {
  return command
    .option("--url <url>", "LiveKit project URL (default: $LIVEKIT_URL)")
    .option("--api-key <key>", "API key (default: $LIVEKIT_API_KEY)")
    .option("--api-secret <secret>", "API secret (default: $LIVEKIT_API_SECRET; prefer the variable, flags show up in process lists)");
}

export function connectionFrom(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): Connection {
  const url = flags.url ?? env.LIVEKIT_URL;
  const apiKey = flags.apiKey ?? env.LIVEKIT_API_KEY;
  const apiSecret = flags.apiSecret ?? env.LIVEKIT_API_SECRET;
  const missing = [!url && "--url (or LIVEKIT_URL)", !apiKey && "--api-key (or LIVEKIT_API_KEY)", !apiSecret && "--api-secret (or LIVEKIT_API_SECRET)"].filter(Boolean);
  if (missing.length > 0) throw new Error(`which LiveKit project? Missing ${missing.join(", ")}`);
  return { url: url!, apiKey: apiKey!, apiSecret: apiSecret!, requestTimeoutMs: retrySettings().requestTimeoutMs };
}

/**
 * The project's SIP API with the provider's retries and timeout (LIVEKIT_MAX_RETRIES,
 * LIVEKIT_REQUEST_TIMEOUT), so a CLI read survives what a deployment does.
 */
export const sipApiFor = (connection: Connection): SipApi =>
  new RetryingSipApi(new TwirpSipApi(connection), { ...defaultRetryPolicy, maxRetries: retrySettings().maxRetries });
