import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { InboundTrunk, OutboundTrunk } from "../../src";
import { TelephonyStack } from "../../src/stack/telephonyStack";
import type { TelephonySpec } from "../../src/stack/spec";
import { MiniEngine } from "../harness/engine";
import { preparePackedProject } from "../harness/fixtureProject";
import { auditEstate } from "../support/estateAudit";
import { loadSpec } from "../support/loadSpec";

jest.setTimeout(240_000);

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator?.close());

const stackName = "load";
const programFor = (spec: TelephonySpec) => () => {
  new TelephonyStack(stackName, { spec });
};
const credentials = (extra: Record<string, string> = {}) => ({
  config: { "livekit:url": emulator.url, "livekit:apiKey": emulator.apiKey, "livekit:apiSecret": emulator.apiSecret, ...extra },
  secretKeys: ["livekit:apiSecret"],
});

it("applies, updates and destroys a 100-resource stack while 20% of requests fail, converging exactly", async () => {
  const engine = new MiniEngine({ cwd: (await preparePackedProject()).dir, project: "faults", stack: "dev", parallel: 10 });
  const options = credentials({ "livekit:maxRetries": "8" });
  emulator.setFaults(
    { rate: 0.2, seed: 7, kinds: ["unavailable", "rate_limited", "drop"], methods: "all", timing: "either" },
    { minMs: 1, maxMs: 15 },
  );
  const sizes = { trunks: 40, outbound: 20 };

  await engine.up(programFor(loadSpec(sizes, 0)), options);
  const afterCreate = auditEstate(emulator, engine.state, loadSpec(sizes, 0), stackName);

  await engine.up(programFor(loadSpec(sizes, 1)), options);
  const afterUpdate = auditEstate(emulator, engine.state, loadSpec(sizes, 1), stackName);

  await engine.destroy(options);
  const injected = emulator.stats().faults;
  emulator.setFaults(undefined);
  const left = ["inboundTrunk", "outboundTrunk", "dispatchRule"].flatMap((k) => emulator.store.list(k as never));

  console.log(
    `fault run: ${JSON.stringify(injected)} injected; after create ${JSON.stringify(afterCreate)}; after update ${JSON.stringify(afterUpdate)}; after destroy ${left.length} objects left`,
  );
  expect(Object.values(injected).reduce((a, b) => a + (b ?? 0), 0)).toBeGreaterThan(20);
  for (const audit of [afterCreate, afterUpdate]) {
    expect(audit).toEqual({ duplicates: 0, orphans: 0, lostUpdates: 0, missing: 0, details: [] });
  }
  expect(left).toEqual([]);
});

it("applies 200 trunks and rules with parallelism 50 with no conflicts and no duplicates", async () => {
  await emulator.store.clear();
  const engine = new MiniEngine({ cwd: (await preparePackedProject()).dir, project: "parallel", stack: "dev", parallel: 50 });
  const spec = loadSpec({ trunks: 80, outbound: 40 });
  await engine.up(programFor(spec), credentials());
  const audit = auditEstate(emulator, engine.state, spec, stackName);
  console.log(`parallel run: ${JSON.stringify(audit)}`);
  expect(audit).toEqual({ duplicates: 0, orphans: 0, lostUpdates: 0, missing: 0, details: [] });
  await engine.destroy(credentials());
});

describe("when every write fails", () => {
  const spec = loadSpec({ trunks: 3, outbound: 1 });
  let engine: MiniEngine;
  beforeAll(async () => {
    await emulator.store.clear();
    engine = new MiniEngine({ cwd: (await preparePackedProject()).dir, project: "outcomes", stack: "dev", parallel: 4 });
  });
  afterAll(() => emulator.setFaults(undefined));
  const options = () => credentials({ "livekit:maxRetries": "1" });

  it("after LiveKit applied them, the up still succeeds: each lost answer is reconciled, nothing is duplicated", async () => {
    emulator.setFaults({ rate: 1, seed: 1, kinds: ["unavailable"], methods: "mutating", timing: "after" });
    await engine.up(programFor(spec), options());
    expect(auditEstate(emulator, engine.state, spec, stackName)).toEqual({ duplicates: 0, orphans: 0, lostUpdates: 0, missing: 0, details: [] });
    emulator.setFaults(undefined);
    await engine.destroy(options());
  });

  it("before LiveKit applied them, the up fails saying nothing was created, and the next up converges", async () => {
    emulator.setFaults({ rate: 1, seed: 1, kinds: ["unavailable"], methods: "mutating", timing: "before" });
    await expect(engine.up(programFor(spec), options())).rejects.toThrow(/create failed \(.*\); nothing was created/);
    expect(emulator.store.list("inboundTrunk")).toEqual([]);
    emulator.setFaults(undefined);
    await engine.up(programFor(spec), options());
    expect(auditEstate(emulator, engine.state, spec, stackName)).toEqual({ duplicates: 0, orphans: 0, lostUpdates: 0, missing: 0, details: [] });
  });

  it("an update whose answer is lost after it was applied is recognised as applied", async () => {
    const changed = loadSpec({ trunks: 3, outbound: 1 }, 1);
    emulator.setFaults({ rate: 1, seed: 1, kinds: ["drop"], methods: "mutating", timing: "after" });
    await engine.up(programFor(changed), options());
    emulator.setFaults(undefined);
    expect(auditEstate(emulator, engine.state, changed, stackName)).toEqual({ duplicates: 0, orphans: 0, lostUpdates: 0, missing: 0, details: [] });
  });

  it("an update that never reached LiveKit fails saying so, and state keeps the previous settings", async () => {
    const before = structuredClone(engine.state);
    emulator.setFaults({ rate: 1, seed: 1, kinds: ["unavailable"], methods: "mutating", timing: "before" });
    await expect(engine.up(programFor(loadSpec({ trunks: 3, outbound: 1 }, 2)), options())).rejects.toThrow(/update failed \(.*\); it was not applied/);
    emulator.setFaults(undefined);
    const ruleUrn = Object.keys(before).find((u) => u.endsWith("load-rule0"))!;
    expect(engine.state[ruleUrn].outputs.name).toBe(before[ruleUrn].outputs.name);
    expect(auditEstate(emulator, engine.state, loadSpec({ trunks: 3, outbound: 1 }, 1), stackName).lostUpdates).toBe(0);
    await engine.destroy(options());
  });
});

describe("identical resources created at once while creates fail", () => {
  // Two resources with the same settings: a create whose answer was lost must never take the
  // other's object, whether the other is of the same stack or of another. Every round ends with
  // distinct IDs, or with an error that says what to do.
  const dialer = { address: "sip.example.com", numbers: ["+14155550100"], transport: "tls" as const };
  const reception = { numbers: ["+14155550177"], allowedAddresses: ["192.0.2.10"] };
  const identical = (prefix: string) => () => {
    new OutboundTrunk(`${prefix}-a`, { name: "dialer", ...dialer });
    new OutboundTrunk(`${prefix}-b`, { name: "dialer", ...dialer });
  };
  const ids = (engine: MiniEngine) => Object.values(engine.state).map((r) => r.outputs?.sipTrunkId as string | undefined).filter((id) => id !== undefined);
  const clearError =
    /create failed \(.*\); nothing was created|could not then set its name \(.*\); it is named "pulumi-livekit-sip creating .*"\. Set adoptId|could not be asked whether|\+14155550177 is already answered by inbound trunk|Conflicting inbound SIP Trunks/;
  /** The objects in LiveKit that still carry a creation mark: each must be named in an error. */
  const marked = () => ["inboundTrunk", "outboundTrunk"].flatMap((k) => emulator.store.list(k as never)).filter((o) => String(o.name).startsWith("pulumi-livekit-sip creating "));

  afterEach(() => emulator.setFaults(undefined));

  it("in one stack, never gives two resources one object", async () => {
    const outcomes: string[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      await emulator.store.clear();
      const engine = new MiniEngine({ cwd: (await preparePackedProject()).dir, project: "owners", stack: `s${seed}`, parallel: 4 });
      emulator.setFaults({ rate: 0.6, seed, kinds: ["drop", "unavailable"], methods: "mutating", timing: "either" }, { minMs: 1, maxMs: 20 });
      const failure = await engine.up(identical("one"), credentials({ "livekit:maxRetries": "3" })).then(() => undefined, (e: Error) => e);
      emulator.setFaults(undefined);
      const held = ids(engine);
      expect(new Set(held).size).toBe(held.length);
      if (failure) expect(failure.message).toMatch(clearError);
      outcomes.push(failure ? "error" : `${held.length} distinct`);
    }
    console.log(`one stack, identical outbound trunks under failing creates: ${outcomes.join(", ")}`);
  });

  it("in two stacks, never gives both one object", async () => {
    const outcomes: string[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      await emulator.store.clear();
      const cwd = (await preparePackedProject()).dir;
      const engines = ["east", "west"].map((stack) => new MiniEngine({ cwd, project: "shared", stack: `${stack}${seed}`, parallel: 2 }));
      const program = () => {
        new OutboundTrunk("dialer", { name: "dialer", ...dialer });
        new InboundTrunk("reception", { name: "reception", ...reception });
      };
      emulator.setFaults({ rate: 0.6, seed, kinds: ["drop", "unavailable"], methods: "mutating", timing: "either" }, { minMs: 1, maxMs: 20 });
      const failures = await Promise.all(engines.map((engine) => engine.up(program, credentials({ "livekit:maxRetries": "3" })).then(() => undefined, (e: Error) => e)));
      emulator.setFaults(undefined);
      const held = engines.flatMap(ids);
      expect(new Set(held).size).toBe(held.length);
      for (const failure of failures) if (failure) expect(failure.message).toMatch(clearError);
      const errors = engines.flatMap((engine) => engine.lastErrors.map((e) => (e as Error).message)).join("\n");
      for (const error of engines.flatMap((engine) => engine.lastErrors)) expect((error as Error).message).toMatch(clearError);
      for (const left of marked()) expect(errors).toContain(String(left.sip_trunk_id));
      outcomes.push(`${held.length} distinct${failures.some(Boolean) ? ` (${failures.filter(Boolean).length} failed)` : ""}`);
    }
    console.log(`two stacks, an identical outbound and inbound trunk each under failing creates: ${outcomes.join(", ")}`);
  });

  it("refuses two resources adopting one object", async () => {
    await emulator.store.clear();
    const engine = new MiniEngine({ cwd: (await preparePackedProject()).dir, project: "owners", stack: "adopt", parallel: 1 });
    await engine.up(() => void new OutboundTrunk("original", { name: "dialer", ...dialer }), credentials());
    const id = ids(engine)[0];
    const twice = () => {
      new OutboundTrunk("first", { name: "dialer", ...dialer, adoptId: id });
      new OutboundTrunk("second", { name: "dialer", ...dialer, adoptId: id });
    };
    const other = new MiniEngine({ cwd: (await preparePackedProject()).dir, project: "owners", stack: "adopt-twice", parallel: 1 });
    await expect(other.up(twice, credentials())).rejects.toThrow(
      new RegExp(`adoptId ${id}: OutboundTrunk "(first|second)" of this deployment already manages this outbound trunk; two resources cannot own one object`),
    );
  });
});
