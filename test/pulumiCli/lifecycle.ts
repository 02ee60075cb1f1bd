import type { ResourceKind } from "../../src/emulator";
import { emulatorBackend, type Backend } from "./backends";
import { PulumiStack, steps, type EngineEvent } from "./pulumiCli";
import type { StackCase } from "./stackCases";

/**
 * The lifecycle Pulumi's own providers are tested with (ProgramTest), through the real CLI against
 * a fresh LiveKit (the emulator, or LiveKit's real server with the emulator compared beside it):
 * preview, up, an empty preview, an empty refresh, an edit that must update in place, an
 * out-of-band edit that refresh must show, destroy.
 */

const kinds: ResourceKind[] = ["inboundTrunk", "outboundTrunk", "dispatchRule", "phoneNumber"];
const OURS = /^pulumi-nodejs:dynamic\/livekit:/;

/** LiveKit's objects of one kind; released phone numbers stay listed but no longer exist for callers. */
async function live(backend: Backend, kind: ResourceKind): Promise<Record<string, unknown>[]> {
  const objects = await backend.list(kind);
  return kind === "phoneNumber" ? objects.filter((n) => n.status === "PHONE_NUMBER_STATUS_ACTIVE") : objects;
}

const total = (requests: Record<string, number>) => Object.values(requests).reduce((a, b) => a + b, 0);

function mutatingRequests(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((m) => !/^(Get|List)/.test(m) && after[m] !== (before[m] ?? 0));
}

/** Resources of ours whose refresh changed outputs, with the output keys that changed. */
export function drifted(events: EngineEvent[], ours: RegExp = OURS): { name: string; keys: string[] }[] {
  const result: { name: string; keys: string[] }[] = [];
  for (const event of events) {
    const meta = event.resOutputsEvent?.metadata;
    if (!meta || !ours.test(meta.type) || meta.op === "same") continue;
    // A refresh's events name no diffs: the drift is what differs between the old and new outputs.
    const before = meta.old?.outputs ?? {};
    const after = meta.new?.outputs ?? {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((k) => k !== "__provider" && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .sort();
    if (keys.length) result.push({ name: `${meta.type.split(":").pop()} ${meta.urn.split("::").pop()}`, keys });
  }
  return result;
}

export function describeLifecycle(c: StackCase, makeBackend: () => Promise<Backend> = emulatorBackend, target = "the emulator"): void {
  describe(`${c.name} (stack ${c.stack}) through the real pulumi CLI against ${target}`, () => {
    let backend: Backend;
    let stack: PulumiStack;
    let outputs: Record<string, any>;
    const ours = c.types ?? OURS;

    beforeAll(async () => {
      backend = await makeBackend();
      stack = await PulumiStack.create(c.name, c.source(), c.stack);
      await stack.configSet("livekit:url", backend.url);
      await stack.configSet("livekit:apiKey", backend.apiKey);
      await stack.configSet("livekit:apiSecret", backend.apiSecret, { secret: true });
      for (const [key, value] of Object.entries(c.secrets)) await stack.configSet(key, value, { secret: true });
    }, 60_000);
    afterEach(() => backend?.check());
    afterAll(async () => {
      await backend?.close();
      stack?.remove();
    }, 30_000);

    it("preview proposes only creates, and LiveKit is only read: one listing per conflict-checked kind", async () => {
      const plan = await stack.previewJson();
      const planned = plan.steps.filter((s) => ours.test(s.newState?.type ?? ""));
      expect(planned.length).toBeGreaterThan(0);
      expect(new Set(planned.map((s) => s.op))).toEqual(new Set(["create"]));
      // The live conflict pre-check of each create (provider/liveConflicts.ts), nothing else.
      for (const [method, count] of Object.entries(backend.requests())) expect([method, count]).toEqual([expect.stringMatching(/^ListSIP(InboundTrunk|DispatchRule)$/), 1]);
    });

    it("up creates what the program describes, and LiveKit holds it field by field", async () => {
      const up = await stack.up();
      expect(steps(up.events).every((s) => s.startsWith("create "))).toBe(true);
      outputs = await stack.outputs();
      const expected = c.expected(outputs);
      for (const kind of kinds) {
        const objects = await live(backend, kind);
        const wanted = expected[kind] ?? [];
        if (Array.isArray(wanted)) {
          expect(objects).toHaveLength(wanted.length);
          wanted.forEach((w, i) => expect(objects[i]).toMatchObject(w));
        } else {
          expect(objects).toEqual(wanted);
        }
      }
    });

    it("the exported state holds no plaintext trunk password or API secret", async () => {
      const state = await stack.exportText();
      for (const secret of [backend.apiSecret, ...Object.values(c.secrets)]) expect(state).not.toContain(`"${secret}"`);
      // Pulumi's secret signature: the passwords are there, encrypted.
      if (Object.keys(c.secrets).length) expect(state).toContain('"4dabf18193072939515e22adb298388d"');
    });

    it("an immediate preview proposes no changes (--expect-no-changes) and sends LiveKit nothing", async () => {
      const before = total(backend.requests());
      const preview = await stack.preview(["--expect-no-changes"], { allowFailure: true });
      expect(preview.code).toBe(0);
      expect(steps(preview.events)).toEqual([]);
      expect(total(backend.requests())).toBe(before);
    });

    it("refresh finds nothing changed (--expect-no-changes)", async () => {
      const refresh = await stack.refresh(["--expect-no-changes"], { allowFailure: true });
      expect(refresh.code).toBe(0);
      expect(drifted(refresh.events, ours)).toEqual([]);
    });

    it("a config edit updates only the changed resources, in place", async () => {
      stack.editConfig(c.change);
      const plan = await stack.previewJson();
      const changed = plan.steps.filter((s) => ours.test(s.newState?.type ?? s.oldState?.type ?? "") && s.op !== "same");
      expect(changed.map((s) => s.op)).toEqual(c.updated.map(() => "update"));
      expect(changed.map((s) => s.newState!.type.split(":").pop()).sort()).toEqual([...c.updated].sort());

      const before = backend.requests();
      const up = await stack.up();
      expect(steps(up.events).map((s) => s.split(" ").slice(0, 2).join(" ")).sort()).toEqual(c.updated.map((t) => `update ${t}`).sort());
      expect(mutatingRequests(before, backend.requests()).every((m) => m.startsWith("Update"))).toBe(true);
      expect(await stack.outputs()).toEqual(outputs);
    });

    it("refresh shows an edit made outside Pulumi as drift, and the next up puts it back", async () => {
      const [object] = await backend.list(c.drift.kind);
      await backend.edit(c.drift.kind, object, c.drift.wire);
      const refresh = await stack.refresh();
      expect(drifted(refresh.events, ours)).toEqual([{ name: expect.any(String), keys: expect.arrayContaining([c.drift.field]) }]);
      const plan = await stack.previewJson();
      expect(plan.steps.filter((s) => s.op !== "same").map((s) => s.op)).toEqual(["update"]);
      await stack.up();
      const [restored] = await backend.list(c.drift.kind);
      for (const key of Object.keys(c.drift.wire)) expect(restored[key]).toEqual(object[key]);
    });

    it("destroy deletes everything it created", async () => {
      await stack.destroy();
      expect((await Promise.all(kinds.map((k) => live(backend, k)))).flat()).toEqual([]);
    });
  });
}
