import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ResourceKind } from "../../../src/emulator";
import { definitions, type ResourceType } from "../../../src/resources";
import { UNKNOWN } from "../../../src/schema/unknowns";
import { fullDispatchRule, fullInboundTrunk, fullOutboundTrunk } from "../../fixtures/fullArgs";
import { startHostAndEmulator, type HostAndEmulator } from "../../support/livekitStack";

let env: HostAndEmulator;
beforeAll(async () => {
  env = await startHostAndEmulator();
});
afterAll(() => env?.close());

interface Case {
  type: ResourceType;
  kind: ResourceKind;
  idField: string;
  idPattern: RegExp;
  /** Whether LiveKit conflict-checks this kind, so create and update list it first. */
  preChecked: boolean;
  args: Record<string, unknown>;
  /** A change to every field that LiveKit's `update` action cannot express, plus an ordinary one. */
  changed: Record<string, unknown>;
  /** An out-of-band edit, in the emulator's snake_case JSON, and the output it should show as. */
  drift: { wire: Record<string, unknown>; output: Record<string, unknown> };
}

const cases: Case[] = [
  {
    type: "InboundTrunk",
    kind: "inboundTrunk",
    idField: "sipTrunkId",
    idPattern: /^ST_[2-9A-HJ-NP-Za-km-z]{12}$/,
    preChecked: true,
    args: fullInboundTrunk,
    changed: { ...fullInboundTrunk, numbers: ["+14155550102"], ringingTimeout: 20, krispEnabled: false, headers: { "X-Env": "staging" } },
    drift: { wire: { name: "edited in the dashboard" }, output: { name: "edited in the dashboard" } },
  },
  {
    type: "OutboundTrunk",
    kind: "outboundTrunk",
    idField: "sipTrunkId",
    idPattern: /^ST_[2-9A-HJ-NP-Za-km-z]{12}$/,
    preChecked: false,
    args: fullOutboundTrunk,
    changed: { ...fullOutboundTrunk, address: "sip2.telnyx.com", transport: "tcp", includeHeaders: "none" },
    drift: { wire: { transport: "SIP_TRANSPORT_UDP" }, output: { transport: "udp" } },
  },
  {
    type: "DispatchRule",
    kind: "dispatchRule",
    idField: "sipDispatchRuleId",
    idPattern: /^SDR_[2-9A-HJ-NP-Za-km-z]{12}$/,
    preChecked: true,
    args: fullDispatchRule,
    changed: {
      ...fullDispatchRule,
      rule: { type: "direct", roomName: "lobby", pin: "4321" },
      numbers: ["+14155550101"],
      hidePhoneNumber: false,
      roomConfig: { agents: [{ agentName: "sales" }] },
    },
    drift: { wire: { hide_phone_number: true }, output: { hidePhoneNumber: true } },
  },
];

const pick = (outs: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, outs[k]]));
/** Outputs carry LiveKit's defaults for nested fields the arguments left out; compare like diff does. */
const same = (type: ResourceType, outs: Record<string, unknown>, args: Record<string, unknown>) =>
  expect(definitions[type].schema.canonical(pick(outs, Object.keys(args)) as never)).toEqual(definitions[type].schema.canonical(args as never));

describe.each(cases)("$type through the provider host", (c) => {
  const name = `full-${c.type}`;
  let id = "";
  let outs: Record<string, unknown> = {};

  const inputs = async (args: Record<string, unknown>) => ({ ...args, __resourceName: name, __provider: await env.providerText(c.type) });
  const urn = () => env.urn(c.type, name);
  const mutatingCalls = () => {
    const byMethod = env.emulator.stats().byMethod;
    return Object.entries(byMethod).filter(([m]) => !/^(List|Get)/.test(m)).reduce((n, [, count]) => n + count, 0);
  };
  const callsBy = () => ({ mutating: mutatingCalls(), preCheck: env.emulator.stats().total - mutatingCalls() });

  it("passes check with values unknown during preview, comparing a create with LiveKit in one listing", async () => {
    env.emulator.resetStats();
    const result = await env.host.check(urn(), {}, { ...(await inputs(c.args)), name: UNKNOWN, metadata: UNKNOWN });
    expect(result.failures).toEqual([]);
    expect(callsBy()).toEqual({ mutating: 0, preCheck: c.preChecked ? 1 : 0 });
  });

  it("creates with two writes, the object under its create's mark and then its name (the pre-check reuses the check's listing), and every field survives", async () => {
    env.emulator.resetStats();
    const checked = await env.host.check(urn(), {}, await inputs(c.args));
    expect(checked.failures).toEqual([]);
    const created = await env.host.create(urn(), checked.inputs);
    expect(callsBy()).toEqual({ mutating: 2, preCheck: 0 });
    ({ id, outs } = created);
    expect(id).toMatch(c.idPattern);
    expect(outs[c.idField]).toBe(id);
    expect(pick(outs, Object.keys(c.args))).toEqual(c.args);
    // The open-source server reports no timestamps (LiveKit Cloud does: the emulator's cloud mode).
    expect(outs.createdAt).toBeUndefined();
    expect(env.emulator.store.get(c.kind, id)).toMatchObject({ name: c.args.name });
  });

  it("diffs the same inputs as no change, without calling LiveKit", async () => {
    env.emulator.resetStats();
    const diff = await env.host.diff(urn(), id, outs, await inputs(c.args));
    expect(diff.changes).toBe("none");
    expect(env.emulator.stats().total).toBe(0);
  });

  it("updates every changed field in place, keeping the ID", async () => {
    const news = await inputs(c.changed);
    const diff = await env.host.diff(urn(), id, outs, news);
    expect(diff).toMatchObject({ changes: "some", replaces: [], deleteBeforeReplace: false });
    env.emulator.resetStats();
    const updated = await env.host.update(urn(), id, outs, news);
    // The pre-check reuses what this provider process listed for the create.
    expect(callsBy()).toEqual({ mutating: 1, preCheck: 0 });
    expect(updated.outs[c.idField]).toBe(id);
    same(c.type, updated.outs, c.changed);
    outs = updated.outs;
    expect((await env.host.diff(urn(), id, outs, news)).changes).toBe("none");
  });

  it("reads the live object with one request, showing an out-of-band change as drift", async () => {
    const stored = env.emulator.store.get(c.kind, id)!;
    await env.emulator.store.put(c.kind, { ...stored, ...c.drift.wire } as typeof stored);
    env.emulator.resetStats();
    const read = await env.host.read(urn(), id, outs, await inputs(c.changed));
    expect(env.emulator.stats().total).toBe(1);
    expect(read.id).toBe(id);
    expect(read.props).toMatchObject(c.drift.output);
    expect(read.inputs).toMatchObject(c.drift.output);
    const diff = await env.host.diff(urn(), id, read.props, await inputs(c.changed));
    expect(diff.changes).toBe("some");
  });

  it("adopts an existing object with adoptId instead of creating a second one", async () => {
    const adopted = await env.host.create(urn(), await inputs({ ...c.args, adoptId: id }));
    expect(adopted.id).toBe(id);
    expect(pick(adopted.outs, Object.keys(c.args))).toEqual(c.args);
    expect(env.emulator.store.list(c.kind).filter((o) => JSON.stringify(o).includes(id))).toHaveLength(1);
  });

  it("adopting an object that is already in the desired state changes nothing", async () => {
    env.emulator.resetStats();
    await env.host.create(urn(), await inputs({ ...c.args, adoptId: id }));
    expect(mutatingCalls()).toBe(0);
  });

  it("refuses to adopt an ID that does not exist, creating nothing", async () => {
    const before = env.emulator.store.list(c.kind).length;
    const missing = `${c.idField === "sipTrunkId" ? "ST_" : "SDR_"}zzzzzzzzzzzz`;
    await expect(env.host.create(urn(), await inputs({ ...c.args, adoptId: missing }))).rejects.toThrow(
      new RegExp(`${c.type} "${name}".*adoptId ${missing}: LiveKit has no`),
    );
    expect(env.emulator.store.list(c.kind)).toHaveLength(before);
  });

  it("deletes, and deleting again succeeds", async () => {
    await env.host.delete(urn(), id, outs);
    expect(env.emulator.store.get(c.kind, id)).toBeUndefined();
    await expect(env.host.delete(urn(), id, outs)).resolves.toBeUndefined();
  });

  it("reports an object deleted out of band as gone on read", async () => {
    const read = await env.host.read(urn(), id, outs);
    expect(read.id).toBe("");
  });
});

describe("errors through the provider host", () => {
  it("a conflict with an object the stack does not manage is refused before anything is sent, naming it", async () => {
    const text = await env.providerText("InboundTrunk");
    const args = { numbers: ["+14155550177"], allowedAddresses: ["10.0.0.1"], __provider: text };
    const first = await env.host.create(env.urn("InboundTrunk", "first"), { ...args, name: "Carrier A", __resourceName: "first" });
    env.emulator.resetStats();
    await expect(env.host.create(env.urn("InboundTrunk", "second"), { ...args, __resourceName: "second" })).rejects.toThrow(
      `InboundTrunk "second": create failed: conflicts with what already exists in LiveKit, so nothing was sent: +14155550177 is already answered by inbound trunk "${first.id} (Carrier A)"`,
    );
    expect(env.emulator.stats().byMethod.CreateSIPInboundTrunk).toBeUndefined();
  });

  it("an update moving a rule onto another rule's trunk and pin is refused (LiveKit's own update check misses it)", async () => {
    const text = await env.providerText("DispatchRule");
    const rule = (trunk: string) => ({ trunkIds: [trunk], rule: { type: "direct", roomName: "r", pin: "42" }, __provider: text });
    const a = await env.host.create(env.urn("DispatchRule", "a"), { ...rule("ST_aaaaaaaaaaaa"), __resourceName: "a" });
    const b = await env.host.create(env.urn("DispatchRule", "b"), { ...rule("ST_bbbbbbbbbbbb"), __resourceName: "b" });
    await expect(env.host.update(env.urn("DispatchRule", "b"), b.id, b.outs, { ...rule("ST_aaaaaaaaaaaa"), __resourceName: "b" })).rejects.toThrow(
      `pin "42" on trunk ST_aaaaaaaaaaaa (any caller, any called number) is already used by dispatch rule "${a.id}"`,
    );
  });

  it("say which credentials are missing, without calling LiveKit", async () => {
    const other = await startHostAndEmulator();
    try {
      await other.host.configure({ "livekit:url": other.emulator.url });
      const text = await other.providerText("OutboundTrunk");
      await expect(
        other.host.create(other.urn("OutboundTrunk", "x"), { ...fullOutboundTrunk, __resourceName: "x", __provider: text }),
      ).rejects.toThrow(/livekit:apiKey \(or LIVEKIT_API_KEY\), livekit:apiSecret \(or LIVEKIT_API_SECRET\)/);
      expect(other.emulator.stats().total).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe("state written by earlier releases", () => {
  // Up to 0.1.0 the `__provider` text was Pulumi's serialization of a provider object (2.6 KB).
  const legacyTexts: Record<ResourceType, string> = JSON.parse(readFileSync(join(__dirname, "../../fixtures/legacyProviderTexts.json"), "utf8"));

  it("runs the installed code: an object created under the old loader reads, meets the new loader with no changes, updates and deletes", async () => {
    const urn = env.urn("OutboundTrunk", "legacy");
    const args = { ...fullOutboundTrunk, __resourceName: "legacy" };
    const created = await env.host.create(urn, { ...args, __provider: legacyTexts.OutboundTrunk });
    expect(created.outs.__provider).toBe(legacyTexts.OutboundTrunk);
    expect((await env.host.read(urn, created.id, created.outs)).id).toBe(created.id);
    const current = await env.providerText("OutboundTrunk");
    expect(current.length).toBeLessThan(legacyTexts.OutboundTrunk.length / 10);
    expect((await env.host.diff(urn, created.id, created.outs, { ...args, __provider: current })).changes).toBe("none");
    const news = { ...args, address: "sip2.telnyx.com", __provider: current };
    const updated = await env.host.update(urn, created.id, created.outs, news);
    expect(updated.outs).toMatchObject({ address: "sip2.telnyx.com", __provider: current });
    await env.host.delete(urn, created.id, { ...created.outs, __provider: legacyTexts.OutboundTrunk });
    expect((await env.host.read(urn, created.id, updated.outs)).id).toBe("");
  });
});
