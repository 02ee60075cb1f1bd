import { readFileSync } from "node:fs";
import { parse } from "yaml";

/**
 * A `Pulumi.<stack>.yaml` as the engine hands it to a program: namespaced keys, structured values
 * as JSON text, plus the secrets `pulumi config set --secret` would have added.
 */
export function stackConfig(file: string, overrides: Record<string, unknown>, secrets: Record<string, string>) {
  const { config } = parse(readFileSync(file, "utf8")) as { config: Record<string, unknown> };
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...config, ...overrides, ...secrets })) {
    merged[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return { config: merged, secretKeys: Object.keys(secrets) };
}
