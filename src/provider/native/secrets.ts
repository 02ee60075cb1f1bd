import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { replacedAt, type ValuePath } from "../../resources/secretPaths";
import { isRecord } from "../../schema/jsonTree";

/**
 * Secrets on the wire of Pulumi's provider protocol: a provider that accepts secrets (ours) gets
 * each secret value wrapped in an object carrying Pulumi's secret signature, at any depth, and
 * must wrap again what is secret in what it answers; the engine keeps only what comes back
 * wrapped secret.
 */
export const isWireSecret = (value: unknown): value is { value: unknown } => isRecord(value) && value[specialSigKey] === specialSecretSig;

export const wireSecret = (value: unknown): unknown => (isWireSecret(value) ? value : { [specialSigKey]: specialSecretSig, value });

/** The value with every secret unwrapped, and where the secrets were. */
export function reveal(value: unknown, at: ValuePath = []): { value: unknown; secrets: ValuePath[] } {
  if (isWireSecret(value)) {
    const inner = reveal(value.value, at);
    return { value: inner.value, secrets: [at, ...inner.secrets] };
  }
  if (Array.isArray(value)) {
    const items = value.map((item, i) => reveal(item, [...at, i]));
    return { value: items.map((item) => item.value), secrets: items.flatMap((item) => item.secrets) };
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).map(([key, item]) => [key, reveal(item, [...at, key])] as const);
    return { value: Object.fromEntries(entries.map(([key, item]) => [key, item.value])), secrets: entries.flatMap(([, item]) => item.secrets) };
  }
  return { value, secrets: [] };
}

function has(value: unknown, key: string | number): boolean {
  return Array.isArray(value) ? typeof key === "number" && key < value.length : isRecord(value) && value[key] !== undefined;
}

/**
 * `props` with the values at `paths` wrapped secret. A path that no longer leads anywhere (a list
 * that got shorter) wraps the deepest value it still reaches, so no secret is ever let through
 * unwrapped; a path under one already wrapped is covered by it.
 */
export function conceal(props: Record<string, unknown>, paths: ValuePath[]): Record<string, unknown> {
  const reached = paths
    .map((path) => {
      let depth = 0;
      let node: unknown = props;
      while (depth < path.length && has(node, path[depth])) node = (node as Record<string | number, unknown>)[path[depth++]];
      return path.slice(0, depth);
    })
    .filter((path) => path.length > 0)
    .sort((a, b) => a.length - b.length);
  const wrapped: ValuePath[] = [];
  let result: unknown = props;
  for (const path of reached) {
    if (wrapped.some((outer) => outer.every((part, i) => path[i] === part))) continue;
    wrapped.push(path);
    result = replacedAt(result, path, wireSecret(valueAt(result, path)));
  }
  return result as Record<string, unknown>;
}

const valueAt = (value: unknown, path: ValuePath): unknown => path.reduce<unknown>((node, part) => (node as Record<string | number, unknown>)[part], value);
