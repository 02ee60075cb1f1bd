/** Helpers for the JSON-like trees that configs, specs and LiveKit objects are made of. */

export const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** What a `mapTree` callback answers to leave a node as it is, with its children mapped. */
export const descend = Symbol("descend");

/** A copy of a tree in which `replace` may substitute any node, from the root down. */
export function mapTree(value: unknown, replace: (node: unknown) => unknown): unknown {
  const replaced = replace(value);
  if (replaced !== descend) return replaced;
  if (Array.isArray(value)) return value.map((item) => mapTree(item, replace));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapTree(item, replace)]));
  return value;
}
