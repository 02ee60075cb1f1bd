import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { CheckFailedError, MiniEngine, UNKNOWN } from "./engine";
import { ProviderHost, ProviderRpcError, startProviderHost } from "./providerHost";
import { prepareToyProject } from "./toyProject";
import type * as Toy from "./toy-provider";

type ToyModule = typeof Toy;
const TYPE = "pulumi-nodejs:dynamic/toy:ToyResource";
const urnOf = (name: string) => `urn:pulumi:dev::toy-fixture::${TYPE}::${name}`;

let fixtureDir: string;
let toy: ToyModule;
let toyImpl: { fingerprint(token: string): string };
let providerText: string;
let tmp: string;

beforeAll(async () => {
  const fixture = await prepareToyProject();
  fixtureDir = fixture.dir;
  // Loaded from the fixture's node_modules, so closure serialization sees an installed package.
  toy = require(fixture.packageDir) as ToyModule;
  toyImpl = require(path.join(fixture.packageDir, "impl.js"));
  providerText = (await pulumi.runtime.serializeFunction(() => toy.provider, { allowSecrets: true })).text;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "harness-test-"));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function storeFile(name: string): string {
  return path.join(tmp, `${name}.json`);
}

function readStore(file: string): { items: Record<string, Record<string, unknown>> } {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

describe("provider host", () => {
  let host: ProviderHost;
  const store = () => storeFile("host");

  beforeAll(async () => {
    host = await startProviderHost({ cwd: fixtureDir, project: "toy-fixture" });
    await host.configure({ "toy:storeFile": store(), "toy:token": "tok-123", "toy:region": "eu" }, ["toy:token"]);
  });
  afterAll(() => host.close());

  test("reports the SDK version it runs", async () => {
    expect(await host.getPluginInfo()).toEqual({ version: "3.270.0" });
  });

  test("check returns the provider's failures and echoes __provider", async () => {
    const result = await host.check(urnOf("bad"), {}, { name: "Not Valid", size: 500, __provider: providerText });
    expect(result.failures).toEqual([
      { property: "name", reason: "name must match ^[a-z0-9-]+$" },
      { property: "size", reason: "size must be a number between 0 and 100" },
    ]);
    expect(result.inputs.__provider).toBe(providerText);
  });

  test("config reaches configure(), the secret key included", async () => {
    const { outs } = await host.create(urnOf("cfg"), { name: "cfg", __provider: providerText });
    expect(outs).toMatchObject({ region: "eu", tokenFingerprint: toyImpl.fingerprint("tok-123") });
  });

  test("create, diff, update, read and delete round-trip", async () => {
    const urn = urnOf("rt");
    const { id, outs } = await host.create(urn, { name: "rt", size: 1, __provider: providerText });
    expect(id).toMatch(/^toy-\d+$/);
    expect(outs).toMatchObject({ name: "rt", size: 1, __provider: providerText });

    const news = { name: "rt", size: 2, __provider: providerText };
    expect(await host.diff(urn, id, outs, outs)).toMatchObject({ changes: "none", replaces: [] });
    expect(await host.diff(urn, id, outs, news)).toEqual({ changes: "some", replaces: [], deleteBeforeReplace: false, diffs: [], stables: [] });
    expect(await host.diff(urn, id, outs, { ...news, name: "rt2", exclusive: true })).toMatchObject({
      changes: "some",
      replaces: ["name"],
      deleteBeforeReplace: true,
    });

    const updated = await host.update(urn, id, outs, news);
    expect(updated.outs).toMatchObject({ size: 2, secretValue: outs.secretValue });
    expect(readStore(store()).items[id]).toMatchObject({ size: 2 });

    const read = await host.read(urn, id, updated.outs);
    expect(read).toEqual({ id, props: updated.outs, inputs: { name: "rt", size: 2, __provider: providerText } });

    await host.delete(urn, id, updated.outs);
    expect(readStore(store()).items[id]).toBeUndefined();
    expect((await host.read(urn, id, updated.outs)).id).toBe("");
  });

  test("the UNKNOWN sentinel passes through check and diff", async () => {
    const checked = await host.check(urnOf("u"), {}, { name: host.UNKNOWN, size: UNKNOWN, __provider: providerText });
    expect(checked).toEqual({ inputs: { name: UNKNOWN, size: UNKNOWN, __provider: providerText }, failures: [] });
    const olds = { name: "u", size: 1, region: "eu", __provider: providerText };
    expect((await host.diff(urnOf("u"), "toy-x", olds, { ...olds, size: UNKNOWN })).changes).toBe("some");
  });

  test("provider errors reject with the gRPC message and code", async () => {
    const failing = host.create(urnOf("f"), { name: "f", failOnCreate: true, __provider: providerText });
    await expect(failing).rejects.toThrow("create refused for f");
    await expect(failing).rejects.toMatchObject({ code: 2, method: "create" });
    await expect(failing).rejects.toBeInstanceOf(ProviderRpcError);
  });

  test("captures provider output and measures the host", () => {
    expect(host.logs()).toContainEqual({ stream: "stdout", line: expect.stringMatching(/^toy: created toy-\d+$/) });
    expect(host.peakRssBytes()).toBeGreaterThan(10 * 1024 * 1024);
  });
});

test("a host whose config lacks the token fails creates with the provider's error", async () => {
  const host = await startProviderHost({ cwd: fixtureDir, project: "toy-fixture" });
  try {
    await host.configure({ "toy:storeFile": storeFile("unconfigured") });
    await expect(host.create(urnOf("x"), { name: "x", __provider: providerText })).rejects.toThrow("missing api token (toy:token)");
  } finally {
    await host.close();
  }
  expect(() => process.kill(host.pid, 0)).toThrow();
});

describe("MiniEngine", () => {
  const config = (name: string, extra: Record<string, string> = {}) => ({
    config: { "toy:storeFile": storeFile(name), "toy:token": "engine-token", ...extra },
    secretKeys: ["toy:token"],
    project: "toy-fixture",
    stack: "dev",
  });

  /** a, then b whose parentId is a's id, and a component holding a third resource. */
  const program = () => {
    const cfg = new pulumi.Config("toy");
    const a = new toy.ToyResource("a", {
      name: cfg.get("aName") ?? "alpha",
      size: cfg.getNumber("size") ?? 1,
      exclusive: cfg.getBoolean("exclusive") ?? false,
      tags: pulumi.secret(["t1"]),
    });
    const b = new toy.ToyResource("b", { name: "beta", parentId: a.id });
    const group = new toy.ToyGroup("g", { prefix: "grp" });
    return { aId: a.id, bParent: b.parentId, fingerprint: a.tokenFingerprint, secret: a.secretValue, firstId: group.first.id };
  };
  const engineFor = () => new MiniEngine({ cwd: fixtureDir, project: "toy-fixture", stack: "dev", parallel: 1 });
  const firstUrn = `urn:pulumi:dev::toy-fixture::toy:index:ToyGroup$${TYPE}::g-first`;
  const mutating = (steps: { op: string }[]) => steps.filter((s) => ["create", "update", "delete"].includes(s.op));

  test("up, up with changed config, refresh and destroy replay the engine's steps", async () => {
    const engine = engineFor();
    const store = storeFile("lifecycle");

    const first = await engine.up(program, config("lifecycle"));
    const state = engine.state;
    const a = state[urnOf("a")];
    const b = state[urnOf("b")];
    // Independent resources step in registration order, which the SDK does not fix; dependents come later.
    expect(first.changes.map((c) => [c.urn, c.kind]).sort()).toEqual([
      [urnOf("a"), "create"],
      [urnOf("b"), "create"],
      [firstUrn, "create"],
    ]);
    expect(first.changes.findIndex((c) => c.urn === urnOf("b"))).toBeGreaterThan(first.changes.findIndex((c) => c.urn === urnOf("a")));
    // The output id of a flowed into b's inputs, and b records the dependency.
    expect(b.inputs.parentId).toBe(a.id);
    expect(b.dependencies).toContain(urnOf("a"));
    expect(first.outputs).toMatchObject({ aId: a.id, bParent: a.id, fingerprint: toyImpl.fingerprint("engine-token") });
    // Secrets: a secret input and an additionalSecretOutputs entry are both marked, and so are stack outputs.
    expect(a.secretInputs).toEqual(["tags"]);
    expect(a.additionalSecretOutputs).toEqual(["secretValue"]);
    expect(a.secretOutputs.sort()).toEqual(["secretValue", "tags"]);
    expect(first.secretOutputs).toEqual(["secret"]);
    expect(state["urn:pulumi:dev::toy-fixture::toy:index:ToyGroup::g"]).toMatchObject({ custom: false, outputs: { firstId: state[firstUrn].id } });
    expect(Object.keys(readStore(store).items)).toHaveLength(3);

    const second = await engine.up(program, config("lifecycle", { "toy:size": "7" }));
    expect(mutating(second.steps)).toEqual([{ op: "update", urn: urnOf("a"), type: TYPE }]);
    expect(second.steps.filter((s) => s.urn === urnOf("b")).map((s) => s.op)).toEqual(["check", "diff"]);
    expect(engine.state[urnOf("a")].outputs).toMatchObject({ size: 7, secretValue: a.outputs.secretValue });

    const items = readStore(store).items;
    items[b.id!].size = 42;
    delete items[state[firstUrn].id!];
    fs.writeFileSync(store, JSON.stringify({ ...readStore(store), items }));
    const refreshed = await engine.refresh(config("lifecycle", { "toy:size": "7" }));
    expect(refreshed.steps.every((s) => s.op === "read")).toBe(true);
    expect(refreshed.drift).toEqual(
      expect.arrayContaining([
        { urn: urnOf("b"), type: TYPE, changed: ["size"], deleted: false },
        { urn: firstUrn, type: TYPE, changed: [], deleted: true },
      ]),
    );
    expect(engine.state[firstUrn]).toBeUndefined();
    expect(engine.state[urnOf("b")].inputs.size).toBe(42);

    const destroyed = await engine.destroy(config("lifecycle"));
    expect(destroyed.steps.map((s) => [s.op, s.urn])).toEqual([
      ["delete", urnOf("b")],
      ["delete", urnOf("a")],
    ]);
    expect(engine.state).toEqual({});
    expect(readStore(store).items).toEqual({});
  });

  test("preview checks and diffs but never mutates, and projects unknown outputs", async () => {
    const engine = engineFor();
    const planned = await engine.preview(program, config("preview"));
    expect(mutating(planned.steps)).toEqual([]);
    expect(planned.changes.find((c) => c.urn === urnOf("b"))).toMatchObject({ kind: "create", inputs: { parentId: UNKNOWN } });
    expect(planned.outputs.aId).toBe(UNKNOWN);
    expect(engine.state).toEqual({});
    expect(fs.existsSync(storeFile("preview"))).toBe(false);

    await engine.up(program, config("preview"));
    const again = await engine.preview(program, config("preview", { "toy:size": "3" }));
    expect(mutating(again.steps)).toEqual([]);
    expect(again.changes.map((c) => c.kind).sort()).toEqual(["same", "same", "update"]);
    await engine.destroy(config("preview"));
  });

  test("replacement is create-before-delete unless the diff asks for delete-before-replace", async () => {
    const engine = engineFor();
    await engine.up(program, config("replace"));
    const renamed = await engine.up(program, config("replace", { "toy:aName": "alpha-two" }));
    const ops = renamed.steps.filter((s) => s.urn === urnOf("a") && s.op !== "check");
    expect(ops).toEqual([
      { op: "diff", urn: urnOf("a"), type: TYPE },
      { op: "create", urn: urnOf("a"), type: TYPE, reason: "replace" },
      { op: "delete", urn: urnOf("a"), type: TYPE, reason: "replaced" },
    ]);
    // b's parentId follows a's new id: an update, not a replace.
    expect(renamed.changes.find((c) => c.urn === urnOf("b"))?.kind).toBe("update");

    const exclusive = await engine.up(program, config("replace", { "toy:aName": "alpha-three", "toy:exclusive": "true" }));
    // exclusive changed too, but only the new inputs decide deleteBeforeReplace; set it first, then rename.
    const dbr = await engine.up(program, config("replace", { "toy:aName": "alpha-four", "toy:exclusive": "true" }));
    expect(exclusive.changes.find((c) => c.urn === urnOf("a"))?.kind).toBe("replace");
    expect(dbr.steps.filter((s) => s.urn === urnOf("a") && s.op !== "check" && s.op !== "diff")).toEqual([
      { op: "delete", urn: urnOf("a"), type: TYPE, reason: "replace" },
      { op: "create", urn: urnOf("a"), type: TYPE, reason: "replace" },
    ]);
    await engine.destroy(config("replace"));
    expect(readStore(storeFile("replace")).items).toEqual({});
  });

  test("check failures and provider errors fail the run and keep what succeeded", async () => {
    const engine = engineFor();
    await expect(engine.up(program, config("fail", { "toy:aName": "Bad Name" }))).rejects.toBeInstanceOf(CheckFailedError);
    expect(engine.steps.some((s) => s.op === "create" && s.urn === urnOf("a"))).toBe(false);

    const failing = () => {
      new toy.ToyResource("ok", { name: "ok" });
      new toy.ToyResource("boom", { name: "boom", failOnCreate: true });
    };
    await expect(engine.up(failing, config("fail"))).rejects.toThrow("create refused for boom");
    expect(Object.keys(engine.state)).toContain(urnOf("ok"));
    expect(engine.state[urnOf("boom")]).toBeUndefined();
    await engine.destroy(config("fail"));
  });
});
