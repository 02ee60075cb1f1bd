import { z } from "zod";

/**
 * What kind of value a field holds, beyond TypeScript: for describing the fields in another type
 * system (the Pulumi package schema of the native provider). Objects and enums are the same
 * instance wherever a field is reused (media settings on every kind), so they are described once.
 */
export type Form =
  | { readonly kind: "string" | "boolean" | "integer" | "number" }
  /** A LiveKit message passed through in its JSON form. */
  | { readonly kind: "json" }
  /** The readable words of a protobuf enum, LiveKit's default first. */
  | { readonly kind: "enum"; readonly values: readonly string[] }
  | { readonly kind: "list"; readonly item: Form }
  /** String keys to string values. */
  | { readonly kind: "map" }
  | { readonly kind: "object"; readonly doc: string; readonly fields: Record<string, Field<unknown, boolean, unknown>> }
  /** A protobuf oneof as one object with a `type` discriminator, each variant with its own fields. */
  | { readonly kind: "variants"; readonly doc: string; readonly variants: Record<string, Record<string, Field<unknown, boolean, unknown>>> };

/**
 * One property of a resource, described once: how it is validated (zod), how it maps to LiveKit's
 * protobuf JSON, how it is read back, and what "unset" means for diffs. Every resource schema is a
 * tree of these, so adding a LiveKit field touches exactly one line of one schema.
 */
export interface Field<T, Required extends boolean = false, Wire = T> {
  readonly zod: z.ZodType<T>;
  /** LiveKit's meaning of the field, rendered into the reference docs. */
  readonly doc: string;
  /** The TypeScript type as the reference docs show it. */
  readonly type: string;
  /** Its structure (objects, enums, lists, maps), which a TypeScript type string cannot carry. */
  readonly form: Form;
  readonly required: Required;
  /** Marks values that must never reach logs, error messages or non-secret outputs. */
  readonly secret: boolean;
  /** The value as LiveKit's protobuf JSON (camelCase names, "30s" durations, enum names). */
  toWire(value: T): Wire;
  /** The value from LiveKit's protobuf JSON; undefined when LiveKit reports the field as unset. */
  fromWire(wire: unknown): T | undefined;
  /** The preferred spelling of a valid value (E.164 numbers, LiveKit's codec names), sent to LiveKit. */
  normalize(value: T): T;
  /**
   * A comparable form in which "missing" equals LiveKit's default and order is dropped where
   * LiveKit ignores it, so that diffs never flap between equivalent spellings.
   */
  canonical(value: T | undefined): unknown;
}

export type ValueOf<F> = F extends Field<infer T, boolean, unknown> ? T : never;

/** What a field sends to LiveKit: its part of the message's protobuf JSON. */
export type WireOf<F> = F extends Field<unknown, boolean, infer W> ? W : never;

interface Options {
  secret?: boolean;
}

interface FieldSpec<T> {
  zod: z.ZodType<T>;
  doc: string;
  type: string;
  form: Form;
  fromWire: (wire: unknown) => T | undefined;
  canonical: (value: T | undefined) => unknown;
  normalize?: (value: T) => T;
  secret?: boolean;
}

/** A field; without `toWire` it is sent to LiveKit as it is written. */
export function field<T, W>(spec: FieldSpec<T> & { toWire: (value: T) => W }): Field<T, false, W>;
export function field<T>(spec: FieldSpec<T>): Field<T, false, T>;
export function field<T, W>(spec: FieldSpec<T> & { toWire?: (value: T) => W }): Field<T, false, T | W> {
  return {
    zod: spec.zod,
    doc: spec.doc,
    type: spec.type,
    form: spec.form,
    required: false,
    secret: spec.secret ?? false,
    toWire: spec.toWire ?? ((value) => value),
    fromWire: spec.fromWire,
    normalize: spec.normalize ?? ((value) => value),
    canonical: spec.canonical,
  };
}

/** The same field, but the resource cannot be created without it. */
export function required<T, W>(f: Field<T, false, W>): Field<T, true, W> {
  return { ...f, required: true };
}

/** The same field with extra validation and, optionally, a preferred spelling. */
export function refined<T, R extends boolean, W>(f: Field<T, R, W>, zod: z.ZodType<T>, normalize?: (value: T) => T): Field<T, R, W> {
  return { ...f, zod, normalize: normalize ?? f.normalize };
}

/** Far above any real trunk, low enough that a runaway list is refused rather than sent. */
export const maxListLength = 10_000;

const asString = (wire: unknown) => (typeof wire === "string" ? wire : undefined);

/**
 * Characters no single-line value may hold: C0 and C1 controls (U+009B starts terminal escape
 * sequences), DEL, line and paragraph separators, and the bidirectional controls that make a
 * name read as something it is not. Multi-line values may hold tabs and line breaks.
 */
const SINGLE_LINE_REFUSED = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const MULTILINE_REFUSED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const CHARACTER_NAMES: Record<string, string> = {
  "\n": "line feed",
  "\r": "carriage return",
  "\t": "tab",
  "\u0000": "null",
  "\u001b": "escape",
  "\u0085": "next line",
  "\u009b": "control sequence introducer",
  "\u2028": "line separator",
  "\u2029": "paragraph separator",
  "\u202e": "right-to-left override",
};

function refusedCharacter(value: string, multiline: boolean): string | undefined {
  const match = (multiline ? MULTILINE_REFUSED : SINGLE_LINE_REFUSED).exec(value);
  if (!match) return undefined;
  const code = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = CHARACTER_NAMES[match[0]] ? ` (${CHARACTER_NAMES[match[0]]})` : "";
  const refused = multiline ? "control characters other than tabs and line breaks are" : "control, line-separator and bidirectional characters are";
  return `contains ${code}${name} at position ${match.index + 1}; ${refused} not allowed here`;
}

/** The check of `text` fields, for fields that build their own string schema. */
export const refuseCharacters =
  (multiline = false) =>
  (value: string, ctx: z.RefinementCtx): void => {
    const problem = refusedCharacter(value, multiline);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };

/** Far above any attribute or header name LiveKit has, short enough to read in a message. */
export const maxKeyLength = 256;

/**
 * A string. Single-line text up to 256 characters by default; `multiline` allows line breaks and
 * tabs (metadata, JSON), never other control characters.
 */
export function text(doc: string, options: Options & { zod?: z.ZodType<string>; max?: number; multiline?: boolean } = {}): Field<string> {
  const max = options.max ?? 256;
  const base = z
    .string()
    .max(max)
    .superRefine(refuseCharacters(options.multiline === true));
  return field({
    zod: options.zod ?? base,
    doc,
    type: "string",
    form: { kind: "string" },
    secret: options.secret,
    fromWire: asString,
    canonical: (v) => v ?? "",
  });
}

export function flag(doc: string): Field<boolean> {
  return field({
    zod: z.boolean(),
    doc,
    type: "boolean",
    form: { kind: "boolean" },
    fromWire: (w) => (typeof w === "boolean" ? w : undefined),
    canonical: (v) => v ?? false,
  });
}

/** A protobuf uint32. */
export function count(doc: string, max = 0xffffffff): Field<number> {
  return field({
    zod: z.number().int().min(0).max(max),
    doc,
    type: "integer",
    form: { kind: "integer" },
    fromWire: (w) => (typeof w === "number" ? w : undefined),
    canonical: (v) => v ?? 0,
  });
}

/**
 * A repeated string. `ordered: false` when LiveKit treats the list as a set (numbers, addresses,
 * trunk IDs): reordering it in code must not show up as a change.
 */
export function strings(
  doc: string,
  options: { ordered: boolean; item?: z.ZodType<string>; normalize?: (value: string) => string },
): Field<string[]> {
  const normalizeItem = options.normalize;
  return field({
    normalize: normalizeItem ? (list) => list.map(normalizeItem) : undefined,
    zod: z.array(options.item ?? z.string()).max(maxListLength),
    doc,
    type: "string[]",
    form: { kind: "list", item: { kind: "string" } },
    fromWire: (w) => (Array.isArray(w) ? w.filter((x): x is string => typeof x === "string") : undefined),
    canonical: (v) => {
      const list = [...(v ?? [])];
      return options.ordered ? list : list.sort();
    },
  });
}

const reservedKeys = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A protobuf map<string,string>. `entry` adds LiveKit's rules for the pair (header names and
 * values); names JavaScript treats specially are refused, since tools reading them misbehave.
 */
export function dictionary(doc: string, options: { entry?: (key: string, value: string) => string | undefined } = {}): Field<Record<string, string>> {
  const zod = z
    .record(z.string(), z.string().max(65_536))
    .refine((map) => Object.keys(map).length <= 1000, { message: "has more than 1000 entries" })
    .superRefine((map, ctx) => {
      for (const [key, value] of Object.entries(map)) {
        const problem = reservedKeys.has(key)
          ? `"${key}" is a reserved JavaScript property name; choose another name`
          : key.length > maxKeyLength
            ? `the name is ${key.length.toLocaleString("en-US")} characters long; at most ${maxKeyLength}`
            : (refusedCharacter(key, false)?.replace(/^contains/, "the name contains") ?? options.entry?.(key, value));
        if (problem) ctx.addIssue({ code: "custom", path: [key.length > maxKeyLength ? `${key.slice(0, 40)}…` : key], message: problem });
      }
    });
  return field({
    zod,
    doc,
    type: "Record<string, string>",
    form: { kind: "map" },
    fromWire: (w) => (w && typeof w === "object" && !Array.isArray(w) ? { ...(w as Record<string, string>) } : undefined),
    canonical: (v) => Object.fromEntries(Object.entries(v ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  });
}

/** A google.protobuf.Duration, written in seconds by users and as "30s" on the wire. */
export function seconds(doc: string, limits: { min?: number; max: number }): Field<number, false, string> {
  return field({
    zod: z.number().min(limits.min ?? 0).max(limits.max),
    doc: `${doc} ${limits.min ? `${limits.min} to ${limits.max}` : `At most ${limits.max}`} seconds.`,
    type: "number (seconds)",
    form: { kind: "number" },
    toWire: (v) => `${v}s`,
    fromWire: (w) => (typeof w === "string" && /^-?\d+(\.\d+)?s$/.test(w) ? Number(w.slice(0, -1)) : undefined),
    canonical: (v) => v ?? 0,
  });
}

/**
 * A protobuf enum written as a readable word. The first entry of `names` is LiveKit's default
 * (enum value 0), which is what an omitted value means.
 */
export function choice<K extends string, N extends string>(doc: string, names: Record<K, N>): Field<K, false, N> {
  const readable = Object.keys(names) as K[];
  const byWire = new Map<string, K>(readable.map((k) => [names[k], k]));
  return field({
    zod: z.enum(readable as [K, ...K[]]),
    type: readable.map((k) => JSON.stringify(k)).join(" | "),
    form: { kind: "enum", values: readable },
    doc: `${doc} One of ${readable.map((k) => `\`${k}\``).join(", ")}; default \`${readable[0]}\`.`,
    toWire: (v) => names[v],
    fromWire: (w) => (typeof w === "string" ? byWire.get(w) : undefined),
    canonical: (v) => v ?? readable[0],
  });
}

/** A message class of `@livekit/protocol`: its `fromJson` checks what it is given and throws on anything but the message's JSON. */
interface MessageClass {
  fromJson(json: unknown): { toJson(): unknown };
}

/**
 * A nested protobuf message passed through in LiveKit's JSON form (e.g. room egress settings),
 * validated and compared by the message class itself, without default values.
 */
export function message(doc: string, type: MessageClass): Field<Record<string, unknown>> {
  const compact = (json: unknown) => type.fromJson(json).toJson() as Record<string, unknown>;
  const zod = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
    try {
      compact(value);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: `not a valid LiveKit message: ${(e as Error).message}` });
    }
  });
  return field({
    zod,
    doc,
    type: "object (LiveKit JSON)",
    form: { kind: "json" },
    fromWire: (w) => {
      if (!w || typeof w !== "object") return undefined;
      const value = compact(w);
      return Object.keys(value).length > 0 ? value : undefined;
    },
    canonical: (v) => (v ? compact(v) : {}),
  });
}
