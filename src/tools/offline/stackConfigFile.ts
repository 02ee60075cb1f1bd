import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { descend, isRecord, mapTree } from "../../schema/jsonTree";

// Encrypted values cannot be read without the Pulumi CLI; programs get this instead. Secret
// fields are only compared as set or not set, so the value itself does not matter.
export const unreadableSecret = "[secret]";

const isSecure = (v: unknown) => isRecord(v) && typeof v.secure === "string" && Object.keys(v).length === 1;


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
    let secret = false;
    const plain = mapTree(value, (node) => {
      if (!isSecure(node)) return descend;
      secret = true;
      return unreadableSecret;
    });
    config[name] = typeof plain === "string" ? plain : JSON.stringify(plain);
    if (secret) secretKeys.push(name);
  }
  return { config, secretKeys };
}
