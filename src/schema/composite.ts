import { z } from "zod";
import { Field, ValueOf, WireOf, field } from "./field";

export type Fields = Record<string, Field<unknown, boolean, unknown>>;

type RequiredKeys<F extends Fields> = { [K in keyof F]: F[K] extends Field<unknown, true, unknown> ? K : never }[keyof F];
type OptionalKeys<F extends Fields> = Exclude<keyof F, RequiredKeys<F>>;

/** The plain value described by a set of fields: required fields required, the rest optional. */
export type ObjectValue<F extends Fields> = { [K in RequiredKeys<F>]: ValueOf<F[K]> } & {
  [K in OptionalKeys<F>]?: ValueOf<F[K]>;
};

/** The protobuf JSON the fields make up: the message as this package sends it to LiveKit. */
export type ObjectWire<F extends Fields> = { [K in RequiredKeys<F>]: WireOf<F[K]> } & { [K in OptionalKeys<F>]?: WireOf<F[K]> };

export interface ObjectField<F extends Fields> extends Field<ObjectValue<F>, false, ObjectWire<F>> {
  readonly fields: F;
  /** The zod shape, for schemas that extend a resource (e.g. the TelephonyStack spec). */
  readonly shape: Record<keyof F, z.ZodType>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

function entries<F extends Fields>(fields: F): [string, Field<unknown, boolean, unknown>][] {
  return Object.entries(fields);
}

/**
 * A protobuf message whose properties keep LiveKit's JSON names. Unknown properties are errors, so
 * a typo such as `numbres` fails preview instead of being silently ignored.
 */
export function object<F extends Fields>(doc: string, fields: F): ObjectField<F> {
  const shape = Object.fromEntries(
    entries(fields).map(([key, f]) => [key, f.required ? f.zod : f.zod.optional()]),
  ) as Record<string, z.ZodType>;
  const base = field<ObjectValue<F>, ObjectWire<F>>({
    zod: z.strictObject(shape) as z.ZodType<ObjectValue<F>>,
    doc,
    type: "object",
    form: { kind: "object", doc, fields },
    toWire: (value) => {
      const wire: Record<string, unknown> = {};
      for (const [key, f] of entries(fields)) {
        const v = (value as Record<string, unknown>)[key];
        if (v !== undefined) wire[key] = f.toWire(v);
      }
      return wire as ObjectWire<F>;
    },
    fromWire: (wire) => {
      if (!isRecord(wire)) return undefined;
      const value: Record<string, unknown> = {};
      for (const [key, f] of entries(fields)) {
        const v = f.fromWire(wire[key]);
        if (v !== undefined) value[key] = v;
      }
      return value as ObjectValue<F>;
    },
    canonical: (value) => {
      const source = (value ?? {}) as Record<string, unknown>;
      return Object.fromEntries(entries(fields).map(([key, f]) => [key, f.canonical(source[key])]));
    },
    normalize: (value) => {
      const source = value as Record<string, unknown>;
      const result: Record<string, unknown> = { ...source };
      for (const [key, f] of entries(fields)) if (source[key] !== undefined) result[key] = f.normalize(source[key]);
      return result as ObjectValue<F>;
    },
  });
  return { ...base, fields, shape: shape as Record<keyof F, z.ZodType> };
}

/** A repeated message whose order matters (codec preference, agent dispatch order). */
export function listOf<T, W>(doc: string, item: Field<T, boolean, W>, options: { max?: number } = {}): Field<T[], false, W[]> & { fields?: Fields } {
  let zod = z.array(item.zod);
  if (options.max !== undefined) zod = zod.max(options.max);
  const list = field({
    zod,
    doc,
    type: `${item.type}[]`,
    form: { kind: "list", item: item.form },
    toWire: (list) => list.map((v) => item.toWire(v)),
    fromWire: (wire) => (Array.isArray(wire) ? wire.map((w) => item.fromWire(w)).filter((v): v is T => v !== undefined) : undefined),
    canonical: (list) => (list ?? []).map((v) => item.canonical(v)),
    normalize: (list) => list.map((v) => item.normalize(v)),
  });
  // Exposed so that messages about a list element can name the element's valid properties.
  return { ...list, fields: (item as Partial<ObjectField<Fields>>).fields };
}

interface Variant<F extends Fields> {
  /** The protobuf oneof member this variant is sent as. */
  readonly wire: string;
  readonly fields: F;
}

type VariantValue<V extends Record<string, Variant<Fields>>> = {
  [K in keyof V]: { type: K } & ObjectValue<V[K]["fields"]>;
}[keyof V];

/** A variant as LiveKit's JSON has it: its body under the oneof member's name. */
type VariantWire<V extends Record<string, Variant<Fields>>> = {
  [K in keyof V]: { [M in V[K]["wire"]]: ObjectWire<V[K]["fields"]> };
}[keyof V];

/**
 * A protobuf oneof written as one object with a `type` discriminator, so TypeScript narrows the
 * remaining properties to the chosen variant.
 */
export function oneOf<const V extends Record<string, Variant<Fields>>>(
  doc: string,
  variants: V,
): Field<VariantValue<V>, false, VariantWire<V>> & { fields: Fields; variants: Record<string, Fields> } {
  const bodies = Object.fromEntries(Object.entries(variants).map(([type, v]) => [type, object(type, v.fields)]));
  const [first, ...others] = Object.entries(variants).map(([type, v]) =>
    z.strictObject({
      type: z.literal(type),
      ...Object.fromEntries(Object.entries(v.fields).map(([key, f]) => [key, f.required ? f.zod : f.zod.optional()])),
    }),
  );
  const zod = z.discriminatedUnion("type", [first, ...others]) as z.ZodType<VariantValue<V>>;
  const union = field({
    zod,
    type: "object (one of the variants)",
    form: { kind: "variants", doc, variants: Object.fromEntries(Object.entries(variants).map(([type, v]) => [type, v.fields])) },
    doc: `${doc} \`type\` is one of ${Object.keys(variants).map((k) => `\`${k}\``).join(", ")}.`,
    toWire: (value) => {
      const { type, ...rest } = value as { type: string };
      return { [variants[type].wire]: bodies[type].toWire(rest) } as VariantWire<V>;
    },
    fromWire: (wire) => {
      if (!isRecord(wire)) return undefined;
      for (const [type, v] of Object.entries(variants)) {
        if (isRecord(wire[v.wire])) return { type, ...bodies[type].fromWire(wire[v.wire]) } as VariantValue<V>;
      }
      return undefined;
    },
    canonical: (value) => {
      if (!value) return null;
      const { type, ...rest } = value as { type: string };
      const body = bodies[type];
      return body ? { type, ...(body.canonical(rest) as object) } : { type };
    },
    normalize: (value) => {
      const { type, ...rest } = value as { type: string };
      return { type, ...(bodies[type].normalize(rest) as object) } as VariantValue<V>;
    },
  });
  const allFields = Object.assign({}, ...Object.values(variants).map((v) => v.fields)) as Fields;
  const variantFields = Object.fromEntries(Object.entries(variants).map(([type, v]) => [type, v.fields]));
  return { ...union, fields: allFields, variants: variantFields };
}
