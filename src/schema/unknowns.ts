/** What the Pulumi engine sends during preview for a value that is not known yet (e.g. a new trunk's ID). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type Path = (string | number)[];

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/**
 * Splits a value into its known part and the paths of the unknown parts, so the known part can be
 * validated now and the rest once the engine knows it.
 */
export function separateUnknowns(value: unknown, path: Path = []): { known: unknown; unknownPaths: Path[] } {
  if (value === UNKNOWN) return { known: undefined, unknownPaths: [path] };
  // A list with an unknown element is validated as a whole once known: dropping the element
  // would shift the indices that failure messages point at.
  if (Array.isArray(value)) return containsUnknown(value) ? { known: undefined, unknownPaths: [path] } : { known: value, unknownPaths: [] };
  if (value && typeof value === "object") {
    const unknownPaths: Path[] = [];
    const known: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const part = separateUnknowns(item, [...path, key]);
      unknownPaths.push(...part.unknownPaths);
      if (part.known !== undefined) known[key] = part.known;
    }
    return { known, unknownPaths };
  }
  return { known: value, unknownPaths: [] };
}

export function formatPath(path: Path): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${part}` : part), "");
}
