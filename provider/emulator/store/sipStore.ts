import { newGuid } from "../../livekit/ids";
import { sortById } from "../../livekit/listFilters";
import { normalizeNumber } from "../../livekit/numbers";
import { Journal } from "./journal";
import { SerialQueue } from "./serialQueue";
import { SortedById } from "./sortedIndex";
import { StateFile } from "./stateFile";
import { decodeResource, encodeResource, parseState, serializeState, type StateContents } from "./stateFormat";
import { perKind, RESOURCE_KINDS, resourceId, type Resource, type ResourceKind, type Resources } from "./resources";

/** One stored resource written (`value`) or deleted (no `value`). */
export interface StoreChange {
  readonly kind: ResourceKind;
  readonly id: string;
  readonly value?: Resource;
}

type ByKind<V> = { [K in ResourceKind]: Map<string, V> };

const emptyByKind = <V>(): ByKind<V> => perKind(() => new Map());

/**
 * What the list filters (and the conflict walks, which use them) narrow by: an inbound trunk's
 * numbers normalised, an outbound trunk's numbers as written, a rule's trunk IDs. A resource
 * without any matches every such filter (a wildcard).
 */
function filterKeys(kind: ResourceKind, resource: Resource): readonly string[] {
  const value = resource as { numbers?: string[]; trunkIds?: string[] };
  if (kind === "inboundTrunk") return (value.numbers ?? []).map(normalizeNumber);
  if (kind === "outboundTrunk") return value.numbers ?? [];
  if (kind === "dispatchRule") return value.trunkIds ?? [];
  return [];
}

/** Resources of one kind by filter key, and those with none. */
interface KeyIndex {
  readonly byKey: Map<string, Set<string>>;
  readonly unkeyed: Set<string>;
}

/** The journal outgrows the state file by this much before the state file is rewritten. */
const COMPACT_FACTOR = 2;
const MIN_COMPACT_BYTES = 1 << 20;

/**
 * The emulator's state: trunks, dispatch rules and phone numbers by ID, optionally mirrored to a
 * state file and its journal.
 *
 * Stored messages are never mutated; handlers clone before changing anything. Changes go through
 * `commit`, which makes them durable first (a journal line, synced) and only then updates memory,
 * so nothing is ever served (or acknowledged) that a restart would not serve too. Callers run
 * their whole read-check-commit sequence inside `exclusive`. Every write costs the same whatever
 * the store holds: lists are kept sorted as they change, filter keys are indexed, and the state
 * file is rewritten only when the journal has grown past it.
 */
export class SipStore {
  private readonly items = emptyByKind<Resource>();
  private readonly sorted = perKind((): SortedById<Resource> => new SortedById(resourceId));
  private readonly keys = perKind((): KeyIndex => ({ byKey: new Map(), unkeyed: new Set() }));
  private readonly encoded = emptyByKind<string>();
  private readonly queue = new SerialQueue();
  private stateBytes = 0;

  private constructor(
    private readonly file: StateFile | undefined,
    private readonly journal: Journal | undefined,
  ) {}

  /** An in-memory store, or one backed by `statePath` (loaded now when the file exists). */
  static open(statePath?: string): SipStore {
    if (statePath === undefined) return new SipStore(undefined, undefined);
    const file = new StateFile(statePath);
    const journal = new Journal(`${statePath}.journal`);
    const store = new SipStore(file, journal);
    file.removeStaleTempFiles();
    const text = file.read();
    try {
      if (text !== undefined) {
        const contents: StateContents = parseState(text);
        for (const kind of RESOURCE_KINDS) for (const value of contents[kind]) store.apply({ kind, id: resourceId(value), value });
        store.stateBytes = Buffer.byteLength(text);
      }
      for (const entry of journal.read()) for (const change of decodeChanges(entry)) store.apply(change);
    } catch (err) {
      throw new Error(`cannot load state file ${statePath}: ${(err as Error).message}`);
    }
    // The state file always exists and parses, the journal aside: readers can rely on it.
    if (text === undefined) {
      const empty = serializeState(perKind(() => []));
      file.writeNow(empty);
      store.stateBytes = Buffer.byteLength(empty);
    }
    return store;
  }

  get<K extends ResourceKind>(kind: K, id: string): Resources[K] | undefined {
    return this.items[kind].get(id) as Resources[K] | undefined;
  }

  /** Every resource of a kind, sorted by ID. */
  list<K extends ResourceKind>(kind: K): readonly Resources[K][] {
    return this.sorted[kind].values() as readonly Resources[K][];
  }

  /**
   * The resources of a kind a list filter can match, sorted by ID: with `ids`, those IDs; else
   * those with one of the `keys` (normalised as `filterKeys` does) and those with none; every
   * resource when both are empty. Callers still apply the filter itself; this only spares
   * reading the rest.
   */
  narrowed<K extends ResourceKind>(kind: K, keys: readonly string[] = [], ids: readonly string[] = []): readonly Resources[K][] {
    if (ids.length > 0) {
      const found = [...new Set(ids)].map((id) => this.items[kind].get(id)).filter((r) => r !== undefined);
      return sortById(found, resourceId) as Resources[K][];
    }
    if (keys.length === 0) return this.list(kind);
    const index = this.keys[kind];
    const wanted = kind === "inboundTrunk" ? keys.map(normalizeNumber) : keys;
    const matching = new Set(index.unkeyed);
    for (const key of wanted) for (const id of index.byKey.get(key) ?? []) matching.add(id);
    return sortById([...matching].map((id) => this.items[kind].get(id)!), resourceId) as Resources[K][];
  }

  /** A fresh ID; trunk IDs are unique across inbound and outbound trunks. */
  newId(prefix: string): string {
    const taken = (id: string) => RESOURCE_KINDS.some((kind) => this.items[kind].has(id));
    let id = newGuid(prefix);
    while (taken(id)) id = newGuid(prefix);
    return id;
  }

  exclusive<T>(task: () => Promise<T> | T): Promise<T> {
    return this.queue.run(task);
  }

  /** Settles once every queued mutation has finished. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Persists (when backed by a file) and then applies the changes. Call inside `exclusive`. */
  async commit(changes: readonly StoreChange[]): Promise<void> {
    if (this.journal !== undefined && changes.length > 0) await this.journal.append([encodeChanges(changes)]);
    changes.forEach((change) => this.apply(change));
    if (this.journal !== undefined && this.journal.size > Math.max(MIN_COMPACT_BYTES, COMPACT_FACTOR * this.stateBytes)) await this.compact();
  }

  /** Folds the journal into the state file, so the file alone holds everything (on close). */
  async flush(): Promise<void> {
    if (this.journal !== undefined && this.journal.size > 0) await this.exclusive(() => this.compact());
  }

  /** Rewrites the state file with everything, then empties the journal it now holds. */
  private async compact(): Promise<void> {
    const text = serializeState(perKind((kind) => this.sorted[kind].values().map((r) => this.encoded[kind].get(resourceId(r))!)));
    await this.file!.write(text);
    this.stateBytes = Buffer.byteLength(text);
    await this.journal!.clear();
  }

  private apply(change: StoreChange): void {
    const previous = this.items[change.kind].get(change.id);
    const index = this.keys[change.kind];
    if (previous !== undefined) {
      const keys = filterKeys(change.kind, previous);
      if (keys.length === 0) index.unkeyed.delete(change.id);
      for (const key of keys) index.byKey.get(key)?.delete(change.id);
    }
    if (change.value === undefined) {
      this.items[change.kind].delete(change.id);
      this.sorted[change.kind].delete(change.id);
      if (this.file !== undefined) this.encoded[change.kind].delete(change.id);
      return;
    }
    this.items[change.kind].set(change.id, change.value);
    this.sorted[change.kind].set(change.value);
    if (this.file !== undefined) this.encoded[change.kind].set(change.id, encodeResource(change.value));
    const keys = filterKeys(change.kind, change.value);
    if (keys.length === 0) index.unkeyed.add(change.id);
    for (const key of keys) {
      const ids = index.byKey.get(key) ?? new Set<string>();
      index.byKey.set(key, ids);
      ids.add(change.id);
    }
  }
}

/** A commit as one journal line: each change's kind and ID, and the resource in the state file's form. */
const encodeChanges = (changes: readonly StoreChange[]): string =>
  `[${changes
    .map((c) => `{"kind":${JSON.stringify(c.kind)},"id":${JSON.stringify(c.id)}${c.value === undefined ? "" : `,"value":${encodeResource(c.value)}`}}`)
    .join(",")}]`;

function decodeChanges(entry: unknown): StoreChange[] {
  if (!Array.isArray(entry)) throw new Error("a journal entry is not a list of changes");
  return entry.map((c: { kind: ResourceKind; id: string; value?: unknown }) => {
    if (!RESOURCE_KINDS.includes(c.kind) || typeof c.id !== "string") throw new Error(`a journal change has no kind or ID: ${JSON.stringify(c).slice(0, 80)}`);
    return c.value === undefined ? { kind: c.kind, id: c.id } : { kind: c.kind, id: c.id, value: decodeResource(c.kind, c.value) };
  });
}
