import type { Connection } from "../client/twirpSipApi";

/** What the Pulumi host's `configure()` hands us: the whole stack config, keys namespaced. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export interface Settings extends Connection {
  maxRetries: number;
}

/**
 * Lives in the provider host process, set by `configure()`. It is a module singleton rather than
 * anything captured by the serialized provider, so credentials never reach Pulumi state.
 */
let configured: ConfigSource | undefined;

export function configure(config: ConfigSource): void {
  configured = config;
}

function setting(configKey: string, envKey: string): string | undefined {
  const fromConfig = safeGet(configKey);
  return fromConfig !== undefined && fromConfig !== "" ? fromConfig : process.env[envKey] || undefined;
}

function safeGet(key: string): string | undefined {
  try {
    return configured?.get(key);
  } catch {
    return undefined;
  }
}

function numberSetting(configKey: string, envKey: string, fallback: number): number {
  const raw = setting(configKey, envKey);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${configKey} must be a non-negative number, got "${raw}"`);
  return value;
}

export function currentSettings(): Settings {
  const url = setting("livekit:url", "LIVEKIT_URL");
  const apiKey = setting("livekit:apiKey", "LIVEKIT_API_KEY");
  const apiSecret = setting("livekit:apiSecret", "LIVEKIT_API_SECRET");
  const missing = [
    url ? undefined : "livekit:url (or LIVEKIT_URL)",
    apiKey ? undefined : "livekit:apiKey (or LIVEKIT_API_KEY)",
    apiSecret ? undefined : "livekit:apiSecret (or LIVEKIT_API_SECRET)",
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(
      `LiveKit credentials are missing: ${missing.join(", ")}. ` +
        "Set them with `pulumi config set livekit:url <url>`, `pulumi config set livekit:apiKey <key>` and " +
        "`pulumi config set --secret livekit:apiSecret <secret>`, or export the environment variables.",
    );
  }
  return {
    url: url!,
    apiKey: apiKey!,
    apiSecret: apiSecret!,
    ...retrySettings(),
  };
}

/**
 * How often and how long to try each LiveKit request: `livekit:maxRetries` and
 * `livekit:requestTimeout` (seconds), else `LIVEKIT_MAX_RETRIES` and `LIVEKIT_REQUEST_TIMEOUT`.
 * The CLI's `export` and `drift` read the same, from the environment.
 */
export function retrySettings(): { maxRetries: number; requestTimeoutMs: number } {
  return {
    maxRetries: numberSetting("livekit:maxRetries", "LIVEKIT_MAX_RETRIES", 4),
    requestTimeoutMs: numberSetting("livekit:requestTimeout", "LIVEKIT_REQUEST_TIMEOUT", 10) * 1000,
  };
}
