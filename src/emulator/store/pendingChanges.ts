import { sortById } from "../../livekit/listFilters";
import { perKind, RESOURCE_KINDS, resourceId, type Resource, type ResourceKind, type Resources, type StoreChange } from "./resources";

/** The newest accepted change of one resource, and the commit it came in. */
interface Accepted {
  readonly commit: number;
  readonly value: Resource | undefined;
}

/**
 * Changes accepted but not yet durable: written to the journal, waiting for (or in) a sync. The
 * store's own maps hold only durable state, which every reader sees; mutations check against
 * that state with these changes laid over it, so a write never passes a check that an earlier
 * accepted write would fail. At most the writes in flight are here, so laying them over costs
 * little.
 */
export class PendingChanges {
  private readonly newest = perKind(() => new Map<string, Accepted>());

  add(commit: number, changes: readonly StoreChange[]): void {
    for (const change of changes) this.newest[change.kind].set(change.id, { commit, value: change.value });
  }

  /** The commit is durable (and in the store's maps): its changes need no overlay any more. */
  settle(commit: number, changes: readonly StoreChange[]): void {
    for (const change of changes) {
      const newest = this.newest[change.kind];
      // A later commit may have changed the resource again; its change stays until it is durable.
      if (newest.get(change.id)?.commit === commit) newest.delete(change.id);
    }
  }

  /** Every pending change failed. */
  clear(): void {
    for (const kind of RESOURCE_KINDS) this.newest[kind].clear();
  }

  /** The pending change of a resource: `{ value: undefined }` when it is being deleted. */
  lookup<K extends ResourceKind>(kind: K, id: string): { readonly value: Resources[K] | undefined } | undefined {
    return this.newest[kind].get(id) as { readonly value: Resources[K] | undefined } | undefined;
  }

  /** Whether any pending change names the ID; a pending delete still holds its ID until durable. */
  holds(id: string): boolean {
    return RESOURCE_KINDS.some((kind) => this.newest[kind].has(id));
  }

  /**
   * `durable` (sorted by ID) with the pending changes laid over it: the pending resources that
   * `matches` accepts take their place by ID, and whatever is pending drops its durable version.
   */
  over<K extends ResourceKind>(kind: K, durable: readonly Resources[K][], matches: (value: Resources[K]) => boolean): readonly Resources[K][] {
    const newest = this.newest[kind];
    if (newest.size === 0) return durable;
    const values = [...newest.values()].map((p) => p.value as Resources[K] | undefined);
    const added = sortById(
      values.filter((value): value is Resources[K] => value !== undefined && matches(value)),
      resourceId,
    );
    const merged: Resources[K][] = [];
    let next = 0;
    for (const item of durable) {
      const id = resourceId(item);
      while (next < added.length && resourceId(added[next]) < id) merged.push(added[next++]);
      if (!newest.has(id)) merged.push(item);
    }
    while (next < added.length) merged.push(added[next++]);
    return merged;
  }
}
