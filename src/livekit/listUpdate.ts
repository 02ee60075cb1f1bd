import { GoError } from "./twirp";
import type { ListUpdateLike, StringMap } from "./types";

/**
 * `ListUpdate` and map-diff semantics of LiveKit's field updates (protocol `livekit/types.go`).
 */

export function validateListUpdate(update: ListUpdateLike | undefined): GoError | undefined {
  if (update == null) return undefined;
  const set = update.set ?? [];
  const add = update.add ?? [];
  const remove = update.remove ?? [];
  const change = set.length + add.length + remove.length > 0;
  if (!update.clear && !change) return GoError.plain("unsupported list update operation");
  if (update.clear && change) return GoError.plain("cannot clear and change the list at the same time");
  if (set.length > 0 && add.length + remove.length > 0) {
    return GoError.plain("cannot set and change the list at the same time");
  }
  if ([...set, ...add, ...remove].includes("")) return GoError.plain("empty element in the list");
  return undefined;
}

/**
 * The list after a (validated) update: `set` replaces (duplicates kept); otherwise each `remove`
 * drops the first occurrence, then each `add` is appended unless already present.
 */
export function applyListUpdate(list: readonly string[], update: ListUpdateLike | undefined): string[] {
  if (update == null) return [...list];
  if (update.clear) return [];
  if ((update.set?.length ?? 0) > 0) return [...(update.set ?? [])];
  const out = [...list];
  for (const value of update.remove ?? []) {
    const i = out.indexOf(value);
    if (i >= 0) out.splice(i, 1);
  }
  for (const value of update.add ?? []) {
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

/** `applyMapDiff`: a non-empty value sets the key, an empty value deletes it. */
export function applyMapDiff(map: StringMap, diff: StringMap | undefined): Record<string, string> {
  const out: Record<string, string> = { ...map };
  for (const [key, value] of Object.entries(diff ?? {})) {
    if (value !== "") out[key] = value;
    else delete out[key];
  }
  return out;
}
