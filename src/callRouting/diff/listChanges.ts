/** How an allow-list changed between revisions, for telling widening from narrowing. */
export interface ListChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** Entries compared through `key` (e.g. number normalisation); reported as written. */
export function listChange(before: readonly string[], after: readonly string[], key: (entry: string) => string = (e) => e): ListChange {
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return {
    added: after.filter((e) => !beforeKeys.has(key(e))),
    removed: before.filter((e) => !afterKeys.has(key(e))),
  };
}
