import * as pulumi from "@pulumi/pulumi";
import { unreadableSecret } from "./stackConfigFile";

export interface ProgramConfig {
  config: Record<string, string>;
  secretKeys: string[];
}

/** The key of the SDK's ConfigMissingError (which it does not export), and whether a secret was asked for. */
export function missingConfig(error: unknown): { key: string; secret: boolean } | undefined {
  if (!pulumi.RunError.isInstance(error)) return undefined;
  const { key, secret } = error as unknown as { key?: unknown; secret?: unknown };
  return typeof key === "string" ? { key, secret: secret === true } : undefined;
}

/**
 * Evaluates with a stand-in for each secret the program requires (`requireSecret`) that the config
 * lacks: a clone or a CI job rarely holds every secret, and offline a secret is only compared as
 * set or not set. A missing plain value still fails, as it does in `pulumi preview`.
 */
export async function withSecretStandIns<T>(initial: ProgramConfig, evaluate: (config: ProgramConfig) => Promise<T>): Promise<T> {
  let current = initial;
  for (;;) {
    try {
      return await evaluate(current);
    } catch (error) {
      const missing = missingConfig(error);
      // A key already standing in that is still "missing" would loop forever.
      if (!missing?.secret || missing.key in current.config) throw error;
      const { key } = missing;
      current = { config: { ...current.config, [key]: unreadableSecret }, secretKeys: [...current.secretKeys, key] };
    }
  }
}
