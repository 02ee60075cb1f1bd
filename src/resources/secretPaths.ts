import type { ResourceDefinition } from "./definition";
import { isRecord } from "../schema/jsonTree";

export type ValuePath = (string | number)[];

// Storage and proxy credentials of LiveKit's egress messages (S3Upload, GCPUpload, AzureBlobUpload,
// AliOSSUpload, ProxyConfig), which room configurations carry as plain strings.
const credentialKeys = new Set(["secret", "sessionToken", "credentials", "accountKey", "password"]);

/**
 * Where a resource's arguments hold secrets that are set: the fields its schema marks secret, and
 * credentials inside a dispatch rule's room egress settings.
 */
export function secretPaths(definition: ResourceDefinition, args: Record<string, unknown>): ValuePath[] {
  const paths: ValuePath[] = Object.entries(definition.schema.fields)
    .filter(([key, field]) => field.secret && isSet(args[key]))
    .map(([key]) => [key]);
  const roomConfig = args.roomConfig;
  if (isRecord(roomConfig) && roomConfig.egress !== undefined) paths.push(...credentialPaths(roomConfig.egress, ["roomConfig", "egress"]));
  return paths;
}

const isSet = (v: unknown) => v !== undefined && v !== "";

function credentialPaths(value: unknown, at: ValuePath): ValuePath[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => credentialPaths(item, [...at, i]));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    credentialKeys.has(key) && typeof item === "string" ? (isSet(item) ? [[...at, key]] : []) : credentialPaths(item, [...at, key]),
  );
}

/** A copy of `value` with the value at `path` replaced; containers along the path are copied, the rest shared. */
export function replacedAt(value: unknown, path: ValuePath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === "number") {
    const copy: unknown[] = [...value];
    copy[head] = replacedAt(copy[head], rest, replacement);
    return copy;
  }
  const copy: Record<string | number, unknown> = { ...(value as object) };
  copy[head] = replacedAt(copy[head], rest, replacement);
  return copy;
}
