import { isDeepStrictEqual } from "node:util";
import type { Field } from "./field";
import { isRecord } from "./jsonTree";

/** A schema node as the composite builders expose it: objects and lists of objects name their fields, oneOfs their variants. */
export type SchemaNode = Field<unknown, boolean, unknown> & {
  fields?: Record<string, SchemaNode>;
  variants?: Record<string, Record<string, SchemaNode>>;
};

/** True when LiveKit treats the value exactly as if it were not set. */
export function isDefault(field: SchemaNode, value: unknown): boolean {
  return isDeepStrictEqual(field.canonical(value), field.canonical(undefined));
}

/**
 * The properties of an object that differ from LiveKit's defaults, at every depth, in schema order.
 * LiveKit reports every field, so without this an export (or a `pulumi import`) would spell out
 * dozens of zeros and empty lists per object; the result is canonically equal to the input.
 */
export function withoutDefaults(fields: Record<string, SchemaNode>, value: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    const item = value[key];
    if (item === undefined || (!field.required && isDefault(field, item))) continue;
    kept[key] = nestedWithoutDefaults(field, item);
  }
  return kept;
}

function nestedWithoutDefaults(field: SchemaNode, value: unknown): unknown {
  if (field.variants && isRecord(value)) {
    const { type, ...body } = value;
    return { type, ...withoutDefaults(field.variants[type as string] ?? {}, body) };
  }
  if (!field.fields) return value;
  if (Array.isArray(value)) return value.map((item) => (isRecord(item) ? withoutDefaults(field.fields!, item) : item));
  return isRecord(value) ? withoutDefaults(field.fields, value) : value;
}
