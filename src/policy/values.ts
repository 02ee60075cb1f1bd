/**
 * Resource properties as the policies read them: plain data in which a value the engine does not
 * know yet (a new trunk's ID during preview, a password from another resource's output) is an
 * `UnknownValue`, never a guess. Checks reason in three values (true, false, unknown), so an unknown
 * value only matters when the verdict depends on it.
 */

/** A value the engine does not know yet, where it is, and the engine's own error for reading it. */
export class UnknownValue {
  constructor(
    /** The property path, e.g. `authPassword` or `trunkIds[0]`. */
    readonly path: string,
    /** What @pulumi/policy threw on reading it; rethrown, it becomes Pulumi's "can't run during preview" advisory. */
    readonly cause?: unknown,
  ) {}
}

export type Plain = string | number | boolean | null | UnknownValue | readonly Plain[] | PlainObject;
export interface PlainObject {
  readonly [key: string]: Plain | undefined;
}

/** A verdict: decided, or waiting for a value the engine does not know yet. */
export type Tri = boolean | UnknownValue;

/** @pulumi/policy throws this (class not exported) when a policy reads a value that is unknown in preview. */
function isUnknownValueError(err: unknown): boolean {
  return err instanceof Error && "unknownTypeSentinel" in err && Array.isArray((err as { props?: unknown }).props);
}

function childPath(path: string, key: string | number): string {
  return typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;
}

// The dynamic-provider host's serialized provider: never a LiveKit setting, and the largest input.
const SKIPPED = new Set(["__provider"]);

function toPlain(value: unknown, path: string): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof UnknownValue) return value;
  if (Array.isArray(value)) {
    const items: Plain[] = [];
    for (let i = 0; i < value.length; i++) items.push(readChild(value, i, path));
    return items;
  }
  if (typeof value === "object") {
    const out: Record<string, Plain> = {};
    for (const key of Object.keys(value)) {
      if (path === "" && SKIPPED.has(key)) continue;
      out[key] = readChild(value as Record<string, unknown>, key, path);
    }
    return out;
  }
  // Assets, archives and functions play no part in LiveKit's objects.
  return null;
}

function readChild(container: object, key: string | number, path: string): Plain {
  const at = childPath(path, key);
  let value: unknown;
  try {
    value = (container as Record<string | number, unknown>)[key];
  } catch (err) {
    if (isUnknownValueError(err)) return new UnknownValue(at, err);
    throw err;
  }
  return toPlain(value, at);
}

/**
 * Reads every property once into plain data. The props @pulumi/policy hands a policy throw on
 * reading an unknown value; here each such value becomes an `UnknownValue` that keeps the error.
 */
export function plainProps(props: Record<string, unknown>): PlainObject {
  const plain = toPlain(props, "");
  return plain !== null && typeof plain === "object" && !Array.isArray(plain) && !(plain instanceof UnknownValue) ? (plain as PlainObject) : {};
}

export const isUnknown = (value: unknown): value is UnknownValue => value instanceof UnknownValue;

/** The value at a dotted path; an unknown object on the way is the answer. */
export function valueAt(props: PlainObject, path: string): Plain | undefined {
  let current: Plain | undefined = props;
  for (const key of path.split(".")) {
    if (current === null || current === undefined) return undefined;
    if (current instanceof UnknownValue) return current;
    if (typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as PlainObject)[key];
  }
  return current;
}

/** A string property: missing is "" (LiveKit's default for every string field). */
export function text(value: Plain | undefined): string | UnknownValue {
  if (value instanceof UnknownValue) return value;
  return typeof value === "string" ? value : "";
}

/** A boolean property: missing is false. */
export function flag(value: Plain | undefined): boolean | UnknownValue {
  if (value instanceof UnknownValue) return value;
  return value === true;
}

/** A string list with every element known; missing is empty. */
export function strings(value: Plain | undefined): string[] | UnknownValue {
  if (value instanceof UnknownValue) return value;
  if (!Array.isArray(value)) return [];
  const unknown = value.find(isUnknown);
  if (unknown !== undefined) return unknown;
  return value.filter((item): item is string => typeof item === "string");
}

/** Whether a list is empty: known even when its elements are not. */
export function isEmptyList(value: Plain | undefined): Tri {
  if (value instanceof UnknownValue) return value;
  return !Array.isArray(value) || value.length === 0;
}

export function not(value: Tri): Tri {
  return value instanceof UnknownValue ? value : !value;
}

/** True when every part is; false as soon as one is false, whatever the unknown ones turn out to be. */
export function all(...parts: Tri[]): Tri {
  if (parts.some((p) => p === false)) return false;
  return parts.find(isUnknown) ?? true;
}

/** True as soon as one part is; false when every part is. */
export function any(...parts: Tri[]): Tri {
  if (parts.some((p) => p === true)) return true;
  return parts.find(isUnknown) ?? false;
}

/** Maps a known value, keeping an unknown one. */
export function known<T, R>(value: T | UnknownValue, map: (value: T) => R): R | UnknownValue {
  return value instanceof UnknownValue ? value : map(value);
}
