import { newGuid } from "../../livekit/ids";
import { sortById } from "../../livekit/listFilters";
import { normalizeNumber } from "../../livekit/numbers";
import { Journal, type SyncFile } from "./journal";
import { PendingChanges } from "./pendingChanges";
import { SerialQueue } from "./serialQueue";
import { SortedById } from "./sortedIndex";
import { StateFile } from "./stateFile";
import { decodeResource, encodeResource, parseState, serializeState, type StateContents } from "./stateFormat";
import { perKind, RESOURCE_KINDS, resourceId, type Resource, type ResourceKind, type Resources, type StoreChange } from "./resources";

/** Reads of the store: `SipStore` itself serves durable state, a `StoreTransaction` what is accepted. */
export interface StoreReader {
  get<K extends ResourceKind>(kind: K, id: string): Resources[K] | undefined;
  /** Every resource of a kind, sorted by ID. */
  list<K extends ResourceKind>(kind: K): readonly Resources[K][];
  /** See `SipStore.narrowed`. */
  narrowed<K extends ResourceKind>(kind: K, keys?: readonly string[], ids?: readonly string[]): readonly Resources[K][];
}

/**
 * A mutation's view of the store, inside `exclusive`: every accepted write, including those still
 * waiting for their sync, so a conflict check sees every write accepted before it.
 */
export interface StoreTransaction extends StoreReader {
  /** A fresh ID; trunk IDs are unique across inbound and outbound trunks. */
  newId(prefix: string): string;
  /** Accepts the changes; the task's caller gets its result once they are durable. */
  commit(changes: readonly StoreChange[]): void;
}

export interface StoreOptions {
  /** Makes journal lines durable (`datasync` by default); tests count or fail syncs with it. */
  readonly syncJournal?: SyncFile;
}

/** A commit accepted and waiting for the sync that makes it durable. */
interface Waiting {
  readonly commit: number;
  readonly changes: readonly StoreChange[];
  readonly line: string;
  resolve(): void;
  reject(error: Error): void;
}

const isThenable = (value: unknown) => typeof (value as { then?: unknown } | null | undefined)?.then === "function";

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

/** The filter keys a list filter asks for, normalised as `filterKeys` normalises them. */
const wantedKeys = (kind: ResourceKind, keys: readonly string[]): readonly string[] => (kind === "inboundTrunk" ? keys.map(normalizeNumber) : keys);

/** Whether `SipStore.narrowed` would return the resource for these keys and IDs. */
function canMatch(kind: ResourceKind, resource: Resource, keys: readonly string[], ids: readonly string[]): boolean {
  if (ids.length > 0) return ids.includes(resourceId(resource));
  if (keys.length === 0) return true;
  const own = filterKeys(kind, resource);
  return own.length === 0 || wantedKeys(kind, keys).some((key) => own.includes(key));
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
 * Stored messages are never mutated; handlers clone before changing anything. Mutations run in
 * `exclusive`, synchronously from their first read to their commit, so none can interleave with
 * another's checks. A commit is accepted at once (the next mutation already checks against it)
 * and goes to the journal; commits accepted while a sync runs are written and synced together by
 * the next one (group commit), so one sync serves every write in flight. This store's maps, which
 * readers see, take a commit only once its sync completes: nothing is ever served (or
 * acknowledged) that a restart would not serve too, and a failed sync leaves nothing behind to
 * undo. Every write costs the same whatever the store holds: lists are kept sorted as they
 * change, filter keys are indexed, and the state file is rewritten only when the journal has
 * grown past it.
 */
export class SipStore implements StoreReader {
  private readonly items = emptyByKind<Resource>();
  private readonly sorted = perKind((): SortedById<Resource> => new SortedById(resourceId));
  private readonly keys = perKind((): KeyIndex => ({ byKey: new Map(), unkeyed: new Set() }));
  private readonly encoded = emptyByKind<string>();
  /** Accepted, not yet durable: what mutations see on top of the maps. */
  private readonly pending = new PendingChanges();
  /** Accepted commits not yet handed to the journal. */
  private waiting: Waiting[] = [];
  private writing = false;
  /** Settles once every commit accepted so far is durable; rejects when any of them failed. */
  private accepted: Promise<void> = Promise.resolve();
  private commits = 0;
  /** Journal writes and compactions, one at a time. */
  private readonly files = new SerialQueue();
  private stateBytes = 0;
  private compactAbove = MIN_COMPACT_BYTES;

  private constructor(
    private readonly file: StateFile | undefined,
    private readonly journal: Journal | undefined,
  ) {}

  /** An in-memory store, or one backed by `statePath` (loaded now when the file exists). */
  static open(statePath?: string, options: StoreOptions = {}): SipStore {
    if (statePath === undefined) return new SipStore(undefined, undefined);
    const file = new StateFile(statePath);
    const journal = new Journal(`${statePath}.journal`, options.syncJournal);
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
    store.compactAbove = Math.max(MIN_COMPACT_BYTES, COMPACT_FACTOR * store.stateBytes);
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
    const matching = new Set(index.unkeyed);
    for (const key of wantedKeys(kind, keys)) for (const id of index.byKey.get(key) ?? []) matching.add(id);
    return sortById([...matching].map((id) => this.items[kind].get(id)!), resourceId) as Resources[K][];
  }

  /**
   * Runs a mutation: `task` reads through its transaction, which sees every accepted write, and
   * commits. It must be synchronous, so no other mutation's commit (nor a failed sync's undoing)
   * can come between its checks and its commit. The result, or the task's error, is delivered
   * only once every write accepted so far is durable, its own included: an answer never rests on
   * a write that could still be lost. When a sync fails, so does every mutation that saw its
   * writes, with the sync's error.
   */
  exclusive<T>(task: (tx: StoreTransaction) => T): Promise<T> {
    let running = true;
    const tx: StoreTransaction = {
      get: <K extends ResourceKind>(kind: K, id: string) => {
        const pending = this.pending.lookup(kind, id);
        return pending === undefined ? this.get(kind, id) : pending.value;
      },
      list: <K extends ResourceKind>(kind: K) => this.pending.over(kind, this.list(kind), () => true),
      narrowed: <K extends ResourceKind>(kind: K, keys: readonly string[] = [], ids: readonly string[] = []) =>
        this.pending.over(kind, this.narrowed(kind, keys, ids), (value) => canMatch(kind, value, keys, ids)),
      newId: (prefix) => this.newId(prefix),
      commit: (changes) => {
        if (!running) throw new Error("a store transaction can commit only while its task runs");
        this.accept(changes);
      },
    };
    let value: T;
    try {
      value = task(tx);
      if (isThenable(value)) throw new Error("exclusive tasks are synchronous: an await could let another commit in between a check and its commit");
    } catch (error) {
      return this.accepted.then(() => {
        throw error;
      });
    } finally {
      running = false;
    }
    return this.accepted.then(() => value);
  }

  /** Settles once every write accepted so far is durable, or has failed. */
  idle(): Promise<void> {
    return this.files.idle();
  }

  /** Folds the journal into the state file, so the file alone holds everything (on close). */
  async flush(): Promise<void> {
    const journal = this.journal;
    if (journal !== undefined) await this.files.run(async () => (journal.size > 0 ? this.compact() : undefined));
  }

  /** A fresh ID, unused by any accepted resource (a pending delete's ID is not free until durable). */
  private newId(prefix: string): string {
    const taken = (id: string) => this.pending.holds(id) || RESOURCE_KINDS.some((kind) => this.items[kind].has(id));
    let id = newGuid(prefix);
    while (taken(id)) id = newGuid(prefix);
    return id;
  }

  private accept(changes: readonly StoreChange[]): void {
    if (changes.length === 0) return;
    if (this.journal === undefined) {
      changes.forEach((change) => this.apply(change));
      return;
    }
    const commit = ++this.commits;
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const durable = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Every caller waiting for it handles its failure; a commit nobody waits for any more must not
    // count as an unhandled rejection.
    durable.catch(() => undefined);
    this.pending.add(commit, changes);
    this.waiting.push({ commit, changes, line: encodeChanges(changes), resolve, reject });
    this.accepted = durable;
    if (!this.writing) {
      this.writing = true;
      void this.files.run(() => this.writeWaiting());
    }
  }

  /** Writes the waiting commits, one sync per batch: what arrives during a sync goes with the next. */
  private async writeWaiting(): Promise<void> {
    const journal = this.journal!;
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await journal.append(batch.map((w) => w.line));
      } catch (error) {
        this.fail([...batch, ...this.waiting], error as Error);
        continue;
      }
      for (const w of batch) {
        w.changes.forEach((change) => this.apply(change));
        this.pending.settle(w.commit, w.changes);
      }
      for (const w of batch) w.resolve();
      if (journal.size > this.compactAbove) await this.compactOrRetryLater();
    }
    // Cleared in the same synchronous step as the emptiness check, so no accepted commit is left unwritten.
    this.writing = false;
  }

  /**
   * A failed write or sync fails its batch and every commit accepted since, as those were checked
   * against the failed ones; the journal has been cut back to its last sync, so none of them
   * comes back on restart either.
   */
  private fail(lost: readonly Waiting[], error: Error): void {
    this.waiting = [];
    this.pending.clear();
    this.accepted = Promise.resolve();
    for (const w of lost) w.reject(error);
  }

  private async compactOrRetryLater(): Promise<void> {
    try {
      await this.compact();
    } catch {
      // Nothing is lost, as the journal still holds every change; try again once it has grown as
      // much again rather than on every batch. `flush` on close reports a failure that persists.
      this.compactAbove = 2 * this.journal!.size;
    }
  }

  /** Rewrites the state file with everything durable, then empties the journal it now holds. */
  private async compact(): Promise<void> {
    const text = serializeState(perKind((kind) => this.sorted[kind].values().map((r) => this.encoded[kind].get(resourceId(r))!)));
    await this.file!.write(text);
    this.stateBytes = Buffer.byteLength(text);
    this.compactAbove = Math.max(MIN_COMPACT_BYTES, COMPACT_FACTOR * this.stateBytes);
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
