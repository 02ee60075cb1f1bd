import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SIPInboundTrunkInfo } from "@livekit/protocol";
import type { SyncFile } from "../../src/emulator/store/journal";
import { SipStore } from "../../src/emulator/store/sipStore";

/**
 * Group commit in the durable store: writes that arrive while a sync runs share the next one,
 * none is acknowledged (or visible to readers) before a sync covering it completes, and a failed
 * sync fails every write it covered, leaving no trace in memory or on disk.
 */

let dir: string;
let files = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "livekit-sip-group-commit-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const freshStatePath = () => join(dir, `state-${++files}.json`);

const trunk = (id: string, numbers: string[] = [`+1555${id.replace(/\D/g, "").padStart(7, "0")}`]) =>
  new SIPInboundTrunkInfo({ sipTrunkId: id, name: id, numbers });

const create = (store: SipStore, value: SIPInboundTrunkInfo) =>
  store.exclusive((tx) => tx.commit([{ kind: "inboundTrunk", id: value.sipTrunkId, value }]));

const ids = (trunks: readonly SIPInboundTrunkInfo[]) => trunks.map((t) => t.sipTrunkId);

/** Syncs held until the test lets each one finish (or fail), counted. */
function heldSyncs() {
  const waiting: { handle: FileHandle; finish: (error?: Error) => void }[] = [];
  let count = 0;
  const sync: SyncFile = (handle) => {
    count++;
    return new Promise<void>((resolve, reject) => waiting.push({ handle, finish: (error) => (error ? reject(error) : resolve()) }));
  };
  const started = async () => {
    for (let i = 0; i < 200 && waiting.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    if (waiting.length === 0) throw new Error("no sync started");
  };
  return {
    sync,
    count: () => count,
    /** Resolves once a sync is held. */
    started,
    /** Completes the next sync (for real), or fails it with `error`. */
    release: async (error?: Error) => {
      await started();
      const held = waiting.shift()!;
      if (error === undefined) await held.handle.datasync();
      held.finish(error);
    },
  };
}

/** Whether a promise has settled by the time pending I/O callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setImmediate(r));
  return done;
}

describe("group commit", () => {
  it("syncs the writes that arrive during a sync together, acknowledging none before its sync", async () => {
    const syncs = heldSyncs();
    const statePath = freshStatePath();
    const store = SipStore.open(statePath, { syncJournal: syncs.sync });
    const first = create(store, trunk("ST_a"));
    await syncs.started();
    const burst = Array.from({ length: 50 }, (_, i) => create(store, trunk(`ST_b${i}`)));

    // Written, not yet synced: nothing is acknowledged and readers see nothing.
    expect(await settled(first)).toBe(false);
    expect(store.list("inboundTrunk")).toEqual([]);

    await syncs.release();
    await first;
    // The burst arrived during the first sync: all of it waits for the second.
    expect(ids(store.list("inboundTrunk"))).toEqual(["ST_a"]);
    expect(await settled(Promise.race(burst))).toBe(false);

    await syncs.release();
    await Promise.all(burst);
    expect(syncs.count()).toBe(2);
    expect(store.list("inboundTrunk")).toHaveLength(51);
    expect(readFileSync(`${statePath}.journal`, "utf8").trim().split("\n")).toHaveLength(51);
    await store.flush();
  });

  it("serves many concurrent writers with far fewer syncs than writes", async () => {
    let syncCount = 0;
    const store = SipStore.open(freshStatePath(), { syncJournal: (handle) => (syncCount++, handle.datasync()) });
    let next = 0;
    // Sixteen writers, each sending its next write once the last is acknowledged, as the bench's clients do.
    const writer = async () => {
      for (let i = 0; i < 25; i++) await create(store, trunk(`ST_w${next++}`));
    };
    await Promise.all(Array.from({ length: 16 }, writer));
    expect(store.list("inboundTrunk")).toHaveLength(400);
    expect(syncCount).toBeLessThan(400 / 4);
    await store.flush();
  });

  it("compacts between batches without losing the writes waiting for the next one", async () => {
    const statePath = freshStatePath();
    const store = SipStore.open(statePath);
    const padding = "x".repeat(2000);
    let next = 0;
    // About 2.6 MB of journal from 16 writers at once: past the 1 MiB at which the state file is rewritten.
    const writer = async () => {
      for (let i = 0; i < 80; i++) {
        const n = next++;
        await create(store, new SIPInboundTrunkInfo({ sipTrunkId: `ST_c${n}`, name: `${n} ${padding}`, numbers: [`+1555${n}`] }));
      }
    };
    await Promise.all(Array.from({ length: 16 }, writer));
    await store.idle();
    const inStateFile = (readFileSync(statePath, "utf8").match(/"sip_trunk_id"/g) ?? []).length;
    expect(inStateFile).toBeGreaterThan(0);
    expect(inStateFile).toBeLessThan(1280);
    // The state file and what the journal added since hold every write, as a restart reads them.
    expect(SipStore.open(statePath).list("inboundTrunk")).toHaveLength(1280);
    await store.flush();
  });

  it("checks each write against every accepted one, while readers see only durable ones", async () => {
    const syncs = heldSyncs();
    const store = SipStore.open(freshStatePath(), { syncJournal: syncs.sync });
    const durable = Promise.all([create(store, trunk("ST_a", ["+1"])), create(store, trunk("ST_c", ["+2"]))]);
    await syncs.release();
    await durable;

    const changed = store.exclusive((tx) =>
      tx.commit([
        { kind: "inboundTrunk", id: "ST_b", value: trunk("ST_b", ["+1"]) },
        { kind: "inboundTrunk", id: "ST_c" },
        { kind: "inboundTrunk", id: "ST_a", value: trunk("ST_a", ["+3"]) },
        { kind: "inboundTrunk", id: "ST_d", value: trunk("ST_d", []) },
      ]),
    );
    const seen = store.exclusive((tx) => ({
      all: ids(tx.list("inboundTrunk")),
      one: ids(tx.narrowed("inboundTrunk", ["+1"])),
      byId: ids(tx.narrowed("inboundTrunk", [], ["ST_c", "ST_a"])),
      numbersOfA: tx.get("inboundTrunk", "ST_a")?.numbers,
      c: tx.get("inboundTrunk", "ST_c"),
    }));
    expect(ids(store.list("inboundTrunk"))).toEqual(["ST_a", "ST_c"]);
    expect(ids(store.narrowed("inboundTrunk", ["+1"]))).toEqual(["ST_a"]);

    await syncs.release();
    await changed;
    expect(await seen).toEqual({ all: ["ST_a", "ST_b", "ST_d"], one: ["ST_b", "ST_d"], byId: ["ST_a"], numbersOfA: ["+3"], c: undefined });
    expect(ids(store.list("inboundTrunk"))).toEqual(["ST_a", "ST_b", "ST_d"]);
    await store.flush();
  });

  it("fails every write a failed sync covered, and every answer that saw them; none of them is left anywhere", async () => {
    const syncs = heldSyncs();
    const statePath = freshStatePath();
    const store = SipStore.open(statePath, { syncJournal: syncs.sync });
    const kept = create(store, trunk("ST_kept"));
    await syncs.started();
    const lost = Array.from({ length: 10 }, (_, i) => create(store, trunk(`ST_lost${i}`)));
    // A read-only mutation answering from a write that will be lost must fail with it.
    const sawLost = store.exclusive((tx) => tx.get("inboundTrunk", "ST_lost0") !== undefined);

    await syncs.release();
    await kept;
    await syncs.release(new Error("EIO: i/o error, fdatasync"));
    // The journal is cut back to its last synced line, and that synced, before the writes fail.
    await syncs.release();
    for (const write of lost) await expect(write).rejects.toThrow("EIO");
    await expect(sawLost).rejects.toThrow("EIO");

    // Not served, not seen by later mutations, not in the journal.
    expect(ids(store.list("inboundTrunk"))).toEqual(["ST_kept"]);
    expect(await store.exclusive((tx) => tx.get("inboundTrunk", "ST_lost0"))).toBeUndefined();
    expect(readFileSync(`${statePath}.journal`, "utf8")).not.toContain("ST_lost");

    // The store goes on.
    const after = create(store, trunk("ST_after"));
    await syncs.release();
    await after;
    await store.flush();
    const reopened = SipStore.open(statePath);
    expect(ids(reopened.list("inboundTrunk"))).toEqual(["ST_after", "ST_kept"]);
  });

  it("refuses writes once a failed journal cannot be cut back, until a restart", async () => {
    const syncs = heldSyncs();
    const statePath = freshStatePath();
    const store = SipStore.open(statePath, { syncJournal: syncs.sync });
    const lost = create(store, trunk("ST_lost"));
    await syncs.release(new Error("EIO: i/o error, fdatasync"));
    await syncs.release(new Error("EIO: again"));
    await expect(lost).rejects.toThrow("EIO: i/o error");
    await expect(create(store, trunk("ST_refused"))).rejects.toThrow("writes are refused until the emulator restarts");
    expect(store.list("inboundTrunk")).toEqual([]);
    await store.flush();
  });
});
