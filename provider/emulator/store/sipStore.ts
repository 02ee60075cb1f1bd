import { newGuid } from "../../livekit/ids";
import { sortById } from "../../livekit/listFilters";
import { SerialQueue } from "./serialQueue";
import { StateFile } from "./stateFile";
import { encodeResource, parseState, serializeState, type StateContents } from "./stateFormat";
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
 * The emulator's state: trunks, dispatch rules and phone numbers by ID, optionally mirrored to a
 * state file.
 *
 * Stored messages are never mutated; handlers clone before changing anything. Changes go through
 * `commit`, which writes the state file first and only then updates memory, so nothing is ever
 * served (or acknowledged) that a restart would not serve too. Callers run their whole
 * read-check-commit sequence inside `exclusive`.
 */
export class SipStore {
  private readonly items = emptyByKind<Resource>();
  private readonly sortedCache = new Map<ResourceKind, readonly Resource[]>();
  private encoded = emptyByKind<string>();
  private readonly queue = new SerialQueue();

  private constructor(private readonly file: StateFile | undefined) {}

  /** An in-memory store, or one backed by `statePath` (loaded now when the file exists). */
  static open(statePath?: string): SipStore {
    if (statePath === undefined) return new SipStore(undefined);
    const file = new StateFile(statePath);
    const store = new SipStore(file);
    file.removeStaleTempFiles();
    const text = file.read();
    if (text !== undefined) {
      let contents: StateContents;
      try {
        contents = parseState(text);
      } catch (err) {
        throw new Error(`cannot load state file ${statePath}: ${(err as Error).message}`);
      }
      const loaded = RESOURCE_KINDS.flatMap((kind) =>
        contents[kind].map((value): StoreChange => ({ kind, id: resourceId(value), value })),
      );
      store.encoded = store.encodedWith(loaded);
      loaded.forEach((change) => store.apply(change));
    }
    return store;
  }

  get<K extends ResourceKind>(kind: K, id: string): Resources[K] | undefined {
    return this.items[kind].get(id) as Resources[K] | undefined;
  }

  /** Every resource of a kind, sorted by ID. */
  list<K extends ResourceKind>(kind: K): readonly Resources[K][] {
    let sorted = this.sortedCache.get(kind);
    if (sorted === undefined) {
      sorted = sortById(this.items[kind].values(), resourceId);
      this.sortedCache.set(kind, sorted);
    }
    return sorted as readonly Resources[K][];
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
    if (this.file !== undefined) {
      const encoded = this.encodedWith(changes);
      await this.file.write(serializeState(perKind((kind) => sortedValues(encoded[kind]))));
      this.encoded = encoded;
    }
    changes.forEach((change) => this.apply(change));
  }

  private apply(change: StoreChange): void {
    if (change.value === undefined) this.items[change.kind].delete(change.id);
    else this.items[change.kind].set(change.id, change.value);
    this.sortedCache.delete(change.kind);
  }

  private encodedWith(changes: readonly StoreChange[]): ByKind<string> {
    const next = { ...this.encoded };
    for (const kind of new Set(changes.map((c) => c.kind))) next[kind] = new Map(this.encoded[kind]);
    for (const change of changes) {
      if (change.value === undefined) next[change.kind].delete(change.id);
      else next[change.kind].set(change.id, encodeResource(change.value));
    }
    return next;
  }
}

const sortedValues = (map: Map<string, string>): string[] =>
  sortById(map.entries(), ([id]) => id).map(([, text]) => text);
