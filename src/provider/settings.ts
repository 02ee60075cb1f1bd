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

function setting(config: ConfigSource | undefined, configKey: string, envKey: string): string | undefined {
  const fromConfig = safeGet(config, configKey);
  return fromConfig !== undefined && fromConfig !== "" ? fromConfig : process.env[envKey] || undefined;
}

function safeGet(config: ConfigSource | undefined, key: string): string | undefined {
  try {
    return config?.get(key);
  } catch {
    return undefined;
  }
}

function numberSetting(config: ConfigSource | undefined, configKey: string, envKey: string, fallback: number): number {
  const raw = setting(config, configKey, envKey);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${configKey} must be a non-negative number, got "${raw}"`);
  return value;
}

/** The settings of the dynamic provider host, from what its `configure()` was given. */
export function currentSettings(): Settings {
  return settingsFrom(configured);
}

/** The settings a config gives (the `livekit:` keys), each falling back to its environment variable. */
export function settingsFrom(config: ConfigSource | undefined): Settings {
  const url = setting(config, "livekit:url", "LIVEKIT_URL");
  const apiKey = setting(config, "livekit:apiKey", "LIVEKIT_API_KEY");
  const apiSecret = setting(config, "livekit:apiSecret", "LIVEKIT_API_SECRET");
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
    ...retrySettings(config),
  };
}

/**
 * How often and how long to try each LiveKit request: `livekit:maxRetries` and
 * `livekit:requestTimeout` (seconds), else `LIVEKIT_MAX_RETRIES` and `LIVEKIT_REQUEST_TIMEOUT`.
 * The CLI's `export` and `drift` read the same, from the environment.
 */
export function retrySettings(config: ConfigSource | undefined = configured): { maxRetries: number; requestTimeoutMs: number } {
  return {
    maxRetries: numberSetting(config, "livekit:maxRetries", "LIVEKIT_MAX_RETRIES", 4),
    requestTimeoutMs: numberSetting(config, "livekit:requestTimeout", "LIVEKIT_REQUEST_TIMEOUT", 10) * 1000,
  };
}
