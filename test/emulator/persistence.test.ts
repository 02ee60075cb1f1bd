import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DeleteSIPTrunkRequest, ListSIPInboundTrunkRequest, ListSIPInboundTrunkResponse, SIPInboundTrunkInfo } from "@livekit/protocol";
import { startEmulator } from "../../src/emulator";
import { parseState } from "../../src/emulator/store/stateFormat";
import { killLeftovers, requireBuiltCli, startCli, useTempDir } from "./support/cli";
import { createInbound, createRule, inbound } from "./support/fixtures";
import { ok, rpc } from "./support/rpc";

/** The state file: atomic, durable, and exactly the acknowledged changes after any crash. */

const tempDir = useTempDir();
let fileCount = 0;
const freshStatePath = () => join(tempDir(), `state-${++fileCount}.json`);

const listIds = async (url: string) =>
  (await ok<ListSIPInboundTrunkResponse>(url, "ListSIPInboundTrunk", new ListSIPInboundTrunkRequest())).items.map((t) => t.sipTrunkId).sort();

describe("state file, in process", () => {
  it("writes every change and serves it again after a restart", async () => {
    const statePath = freshStatePath();
    const first = await startEmulator({ port: 0, statePath });
    const trunk = await createInbound(first.url, { name: "kept", headers: { "X-A": "1" } });
    const rule = await createRule(first.url, { trunkIds: [trunk.sipTrunkId] });
    const gone = await createInbound(first.url, { numbers: ["+15550111"] });
    await ok(first.url, "DeleteSIPTrunk", new DeleteSIPTrunkRequest({ sipTrunkId: gone.sipTrunkId }));
    await first.close();

    const contents = parseState(readFileSync(statePath, "utf8"));
    expect(contents.inboundTrunk.map((t) => t.sipTrunkId)).toEqual([trunk.sipTrunkId]);
    expect(contents.dispatchRule.map((r) => r.sipDispatchRuleId)).toEqual([rule.sipDispatchRuleId]);

    const second = await startEmulator({ port: 0, statePath });
    try {
      const list = await ok<ListSIPInboundTrunkResponse>(second.url, "ListSIPInboundTrunk", new ListSIPInboundTrunkRequest());
      expect(list.items).toHaveLength(1);
      expect(list.items[0].equals(trunk)).toBe(true);
      // The reloaded trunks take part in conflict checks.
      expect((await rpc(second.url, "CreateSIPInboundTrunk", inbound())).status).toBe(400);
    } finally {
      await second.close();
    }
  });

  it("writes a readable document, one resource per line", async () => {
    const statePath = freshStatePath();
    const emulator = await startEmulator({ port: 0, statePath });
    await createInbound(emulator.url, { name: "a", numbers: ["+1"] });
    await createInbound(emulator.url, { name: "b", numbers: ["+2"] });
    await emulator.close();
    const lines = readFileSync(statePath, "utf8").split("\n");
    expect(lines[1]).toBe('  "format": "livekit-sip-emulator/v1",');
    expect(lines.filter((l) => l.includes('"sip_trunk_id"'))).toHaveLength(2);
  });

  it("costs each write a journal line, not a rewrite of the state file, and folds the journal in on close", async () => {
    const statePath = freshStatePath();
    const emulator = await startEmulator({ port: 0, statePath });
    const before = readFileSync(statePath, "utf8");
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await createInbound(emulator.url, { numbers: [`+1415555${String(1000 + i)}`] })).sipTrunkId);
    await ok(emulator.url, "DeleteSIPTrunk", new DeleteSIPTrunkRequest({ sipTrunkId: ids[0] }));
    // Small writes leave the state file alone until the journal outgrows it.
    expect(readFileSync(statePath, "utf8")).toBe(before);
    expect(readFileSync(`${statePath}.journal`, "utf8").trim().split("\n")).toHaveLength(21);
    await emulator.close();
    expect(parseState(readFileSync(statePath, "utf8")).inboundTrunk.map((t) => t.sipTrunkId)).toEqual(ids.slice(1).sort());
    expect(readFileSync(`${statePath}.journal`, "utf8")).toBe("");
  });

  it("replays the journal after a crash, ignoring a last line the crash cut short", async () => {
    const statePath = freshStatePath();
    const first = await startEmulator({ port: 0, statePath });
    const kept = await createInbound(first.url, { numbers: ["+14155551000"] });
    const journal = readFileSync(`${statePath}.journal`, "utf8");
    await first.close();
    // As a process killed mid-append would leave them: the state file from before, the journal
    // with the acknowledged line and half of one that was never acknowledged.
    writeFileSync(statePath, '{\n  "format": "livekit-sip-emulator/v1",\n  "inbound_trunks": []\n}\n');
    writeFileSync(`${statePath}.journal`, `${journal}[{"kind":"inboundTrunk","id":"ST_torn","value":{"sip_trunk`);
    const second = await startEmulator({ port: 0, statePath });
    try {
      expect(await listIds(second.url)).toEqual([kept.sipTrunkId]);
      // The fragment is gone from the file too: the next line does not join it, so it replays.
      const later = await createInbound(second.url, { numbers: ["+14155551001"] });
      const lines = readFileSync(`${statePath}.journal`, "utf8").split("\n");
      expect(lines.pop()).toBe("");
      expect(lines.map((line) => (JSON.parse(line) as { id: string }[])[0].id)).toEqual([kept.sipTrunkId, later.sipTrunkId]);
    } finally {
      await second.close();
    }
  });

  it("refuses to start on a damaged file rather than overwrite it", async () => {
    const statePath = freshStatePath();
    writeFileSync(statePath, '{"format": "livekit-sip-emulator/v1", "inbound_trunks": [');
    await expect(startEmulator({ port: 0, statePath })).rejects.toThrow(`cannot load state file ${statePath}`);
    writeFileSync(statePath, JSON.stringify({ format: "livekit-sip-emulator/v1", inbound_trunks: [{ name: "no id" }] }));
    await expect(startEmulator({ port: 0, statePath })).rejects.toThrow('"inbound_trunks"[0] has no ID');
    expect(readFileSync(statePath, "utf8")).toContain("no id");
  });
});

describe("state file, across a killed process", () => {
  beforeAll(requireBuiltCli);
  afterEach(killLeftovers);

  it("holds every acknowledged write after SIGKILL in the middle of a burst of concurrent writes sharing syncs, and parses", async () => {
    const statePath = freshStatePath();
    const created = new Set<string>();
    const deleted = new Set<string>();
    // Deletes sent but never acknowledged may or may not have happened.
    const unsure = new Set<string>();
    let serial = 0;

    for (let round = 0; round < 3; round++) {
      const cli = await startCli(["emulator", "--port", "0", "--state", statePath, "--quiet"]);
      let stop = false;
      const writer = async () => {
        while (!stop) {
          const n = serial++;
          const victim = n % 5 === 0 ? [...created].find((id) => !deleted.has(id) && !unsure.has(id)) : undefined;
          try {
            const res = await rpc<SIPInboundTrunkInfo>(cli.url, "CreateSIPInboundTrunk", inbound({ numbers: [`+1${100000 + n}`] }));
            if (res.message !== undefined) created.add(res.message.sipTrunkId);
            if (victim !== undefined) {
              unsure.add(victim);
              const del = await rpc(cli.url, "DeleteSIPTrunk", new DeleteSIPTrunkRequest({ sipTrunkId: victim }));
              if (del.status === 200) {
                unsure.delete(victim);
                deleted.add(victim);
              }
            }
          } catch {
            return; // the process is gone
          }
        }
      };
      // Sixteen at once, so most syncs cover several writes, and the kill can hit a batch mid-sync.
      const writers = Array.from({ length: 16 }, writer);
      const target = created.size + 60 + round * 20;
      while (created.size < target) await new Promise((r) => setTimeout(r, 2));
      cli.child.kill("SIGKILL");
      stop = true;
      await Promise.all(writers);
      expect((await cli.exited).signal).toBe("SIGKILL");

      // Whatever moment the kill hit, the file is a complete document…
      expect(() => parseState(readFileSync(statePath, "utf8"))).not.toThrow();
      // …and a restart serves every acknowledged change.
      const again = await startCli(["emulator", "--port", "0", "--state", statePath, "--quiet"]);
      const ids = await listIds(again.url);
      const expected = [...created].filter((id) => !deleted.has(id) && !unsure.has(id));
      expect(ids).toEqual(expect.arrayContaining(expected));
      for (const id of deleted) expect(ids).not.toContain(id);
      again.child.kill("SIGTERM");
      expect((await again.exited).code).toBe(0);
      // Temporary files of the killed writer were cleaned up on restart.
      expect(readdirSync(tempDir()).filter((name) => name.includes(".tmp-"))).toEqual([]);
    }
    expect(deleted.size).toBeGreaterThan(0);
  }, 60_000);
});
