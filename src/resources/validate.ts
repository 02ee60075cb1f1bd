import type { z } from "zod";
import type { Failure, ResourceDefinition } from "./definition";
import type { Controls } from "./controls";
import { quoted } from "../livekit/checks/text";
import { boundedFailures } from "../schema/boundedFailures";
import { isRecord } from "../schema/jsonTree";
import { Path, formatPath, separateUnknowns } from "../schema/unknowns";

const related = (a: Path, b: Path) => a.slice(0, b.length).every((p, i) => p === b[i]) || b.slice(0, a.length).every((p, i) => p === a[i]);

/** The controls that change how arguments are checked. */
export type ValidationOptions = Pick<Controls, "allowNonE164Numbers">;

export interface Validation {
  failures: Failure[];
  warnings: string[];
  /** The arguments in their preferred spelling, when everything is known and valid. */
  normalized?: Record<string, unknown>;
}

/**
 * Every problem with a resource's arguments at once, each with the property to change. Values the
 * engine does not know yet (preview) are skipped and checked again once they are known.
 */
export function checkArguments(definition: ResourceDefinition, args: unknown, options: ValidationOptions = {}): Validation {
  const { known, unknownPaths } = separateUnknowns(args);
  const parsed = definition.schema.zod.safeParse(known ?? {}, { reportInput: true });
  const issues = parsed.success ? [] : parsed.error.issues;
  const failures = issues
    .filter((issue) => issue.code === "unrecognized_keys" || !unknownPaths.some((p) => related(p, issue.path as Path)))
    .filter((issue) => !(options.allowNonE164Numbers === true && issue.code === "custom" && (issue.params as { nonE164?: boolean })?.nonE164))
    .flatMap((issue) => describe(issue, definition));
  if (failures.length > 0 || unknownPaths.length > 0) return { failures: boundedFailures(failures), warnings: [] };
  // Parsing failed only on numbers allowNonE164Numbers accepts, so `known` is the arguments object.
  const value = parsed.success ? parsed.data : isRecord(known) ? known : {};
  failures.push(...(definition.crossFieldRules?.(value) ?? []));
  if (failures.length > 0) return { failures: boundedFailures(failures), warnings: [] };
  return { failures, warnings: definition.warnings?.(value) ?? [], normalized: definition.schema.normalize(value) as Record<string, unknown> };
}

/** Just the failures of `checkArguments`. */
export function validate(definition: ResourceDefinition, args: unknown, options: ValidationOptions = {}): Failure[] {
  return checkArguments(definition, args, options).failures;
}

function describe(issue: z.core.$ZodIssue, definition: ResourceDefinition): Failure[] {
  const path = issue.path as Path;
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const property = formatPath([...path, key]);
      const hint = path.length === 0 ? definition.missingPropertyHints?.[key] : undefined;
      if (hint) return { property, reason: hint };
      const known = knownKeysAt(definition, path);
      const suggestion = closest(key, known);
      return {
        property,
        reason: `unknown property ${quoted(key)}${suggestion ? `: did you mean "${suggestion}"?` : `; valid properties are ${known.join(", ")}`}`,
      };
    });
  }
  // Secret values are never echoed back, not even when they are malformed.
  const shown = fieldAt(definition, path)?.secret ? { ...issue, input: hidden } : issue;
  return [{ property: formatPath(path), reason: reasonFor(shown as z.core.$ZodIssue) }];
}

const hidden = Symbol("hidden secret");

function reasonFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected === "object" ? "an object" : issue.expected === "array" ? "a list" : `a ${issue.expected}`}, got ${describeValue(issue.input)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${describeValue(issue.input)}`;
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      const value = (issue.input as { type?: unknown } | undefined)?.type;
      return options ? `must be one of ${options.map((o) => JSON.stringify(o)).join(", ")}, got ${describeValue(value)}` : issue.message;
    }
    case "too_big":
      return issue.origin === "array" ? `has more than ${issue.maximum} entries` : issue.origin === "string" ? `is longer than ${issue.maximum} characters` : `must be at most ${issue.maximum}`;
    case "too_small":
      return issue.origin === "array" ? `needs at least ${issue.minimum} entries` : issue.origin === "string" ? `must not be empty` : `must be at least ${issue.minimum}`;
    default:
      return issue.message;
  }
}

function describeValue(value: unknown): string {
  if (value === hidden) return "a value that is not shown because the property is secret";
  if (value === undefined) return "nothing (the property is required)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

type FieldLike = { fields?: Record<string, FieldLike>; secret?: boolean };

/** The field a path points at, walking nested objects and lists (list indices are skipped). */
function fieldAt(definition: ResourceDefinition, path: Path): FieldLike | undefined {
  let current: FieldLike | undefined = definition.schema as FieldLike;
  for (const part of path) {
    if (typeof part === "number") continue;
    const fields: Record<string, FieldLike> | undefined = current?.fields;
    current = fields && Object.hasOwn(fields, part) ? fields[part] : undefined;
  }
  return current;
}

function knownKeysAt(definition: ResourceDefinition, path: Path): string[] {
  return Object.keys(fieldAt(definition, path)?.fields ?? {});
}

/** The candidate within edit distance 2, for "did you mean" hints on typos. */
function closest(word: string, candidates: string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}
