import { readFileSync } from "node:fs";
import { parse } from "yaml";

// Encrypted values cannot be read without the Pulumi CLI; programs get this instead. Secret
// fields are only compared as set or not set, so the value itself does not matter.
export const unreadableSecret = "[secret]";

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const isSecure = (v: unknown) => isRecord(v) && typeof v.secure === "string" && Object.keys(v).length === 1;

function withoutCiphertext(value: unknown): unknown {
  if (isSecure(value)) return unreadableSecret;
  if (Array.isArray(value)) return value.map(withoutCiphertext);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutCiphertext(v)]));
  return value;
}

const containsSecure = (value: unknown): boolean =>
  isSecure(value) || (Array.isArray(value) ? value.some(containsSecure) : isRecord(value) && Object.values(value).some(containsSecure));

/**
 * The config of a `Pulumi.<stack>.yaml` as the engine hands it to a program: keys namespaced
 * (a bare key belongs to the project), structured values as JSON text, secure values marked secret.
 */
export function readStackConfig(file: string, project: string): { config: Record<string, string>; secretKeys: string[] } {
  const parsed = parse(readFileSync(file, "utf8")) as { config?: Record<string, unknown> } | null;
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, value] of Object.entries(parsed?.config ?? {})) {
    const name = key.includes(":") ? key : `${project}:${key}`;
    const plain = withoutCiphertext(value);
    config[name] = typeof plain === "string" ? plain : JSON.stringify(plain);
    if (containsSecure(value)) secretKeys.push(name);
  }
  return { config, secretKeys };
}
