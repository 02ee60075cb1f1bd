import type { Failure } from "./failure";

/**
 * A report a reader can take in whatever the input: one failure per distinct problem, repeats
 * counted rather than listed (10,000 copies of a number are one problem, not 9,999), no property
 * path longer than a line, and at most `MAX_FAILURES` problems, the rest counted.
 */

export const MAX_FAILURES = 50;
const MAX_PROPERTY = 120;
const NAMED_REPEATS = 3;

const shortened = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The property with list indices as `[]`, so repeats of one problem along a list group together. */
const pattern = (property: string) => property.replace(/\[\d+\]/g, "[]");

export function boundedFailures(failures: readonly Failure[]): Failure[] {
  const groups = new Map<string, Failure[]>();
  for (const failure of failures) {
    const key = `${pattern(failure.property)}\u0000${failure.reason}`;
    const group = groups.get(key);
    if (group) group.push(failure);
    else groups.set(key, [failure]);
  }
  const distinct = [...groups.values()].map(([first, ...repeats]): Failure => {
    const property = shortened(first.property, MAX_PROPERTY);
    if (repeats.length === 0) return { property, reason: first.reason };
    const named = repeats.slice(0, NAMED_REPEATS).map((r) => shortened(r.property, MAX_PROPERTY));
    const more = repeats.length > NAMED_REPEATS ? `, … (${repeats.length.toLocaleString("en-US")} in all)` : "";
    return { property, reason: `${first.reason} (the same at ${named.join(", ")}${more})` };
  });
  if (distinct.length <= MAX_FAILURES) return distinct;
  const hidden = distinct.length - (MAX_FAILURES - 1);
  return [...distinct.slice(0, MAX_FAILURES - 1), { property: "", reason: `${hidden.toLocaleString("en-US")} more problems not shown; fix those above and check again` }];
}
