import * as fs from "fs";
import * as path from "path";
import { CheckFailedError, UNKNOWN } from "./engine";
import { programFromFile } from "./program";
import { ProviderHost, ProviderRpcError, startProviderHost } from "./providerHost";
import { FIRST_URN, mutating, setUpToyKit, ToyKit, TYPE, urnOf } from "./toyKit";

let kit: ToyKit;
beforeAll(async () => {
  kit = await setUpToyKit();
});
afterAll(() => kit.cleanup());

describe("provider host", () => {
  let host: ProviderHost;
  let text: string;

  beforeAll(async () => {
    text = kit.providerText;
    host = await startProviderHost({ cwd: kit.fixtureDir, project: "toy-fixture" });
    await host.configure({ "toy:storeFile": kit.storeFile("host"), "toy:token": "tok-123", "toy:region": "eu" }, ["toy:token"]);
  });
  afterAll(() => host.close());

  test("reports the SDK version it runs", async () => {
    expect(await host.getPluginInfo()).toEqual({ version: require("@pulumi/pulumi/package.json").version });
  });

  test("check returns the provider's failures and echoes __provider", async () => {
    const result = await host.check(urnOf("bad"), {}, { name: "Not Valid", size: 500, __provider: text });
    expect(result.failures).toEqual([
      { property: "name", reason: "name must match ^[a-z0-9-]+$" },
      { property: "size", reason: "size must be a number between 0 and 100" },
    ]);
    expect(result.inputs.__provider).toBe(text);
  });

  test("config reaches configure(), the secret key included", async () => {
    const { outs } = await host.create(urnOf("cfg"), { name: "cfg", __provider: text });
    expect(outs).toMatchObject({ region: "eu", tokenFingerprint: kit.fingerprint("tok-123") });
  });

  test("create, diff, update, read and delete round-trip", async () => {
    const urn = urnOf("rt");
    const { id, outs } = await host.create(urn, { name: "rt", size: 1, __provider: text });
    expect(id).toMatch(/^toy-\d+$/);
    expect(outs).toMatchObject({ name: "rt", size: 1, __provider: text });

    const news = { name: "rt", size: 2, __provider: text };
    expect(await host.diff(urn, id, outs, outs)).toMatchObject({ changes: "none", replaces: [] });
    expect(await host.diff(urn, id, outs, news)).toEqual({ changes: "some", replaces: [], deleteBeforeReplace: false, diffs: [], stables: [] });
    expect(await host.diff(urn, id, outs, { ...news, name: "rt2", exclusive: true })).toMatchObject({
      changes: "some",
      replaces: ["name"],
      deleteBeforeReplace: true,
    });

    const updated = await host.update(urn, id, outs, news);
    expect(updated.outs).toMatchObject({ size: 2, secretValue: outs.secretValue });
    expect(kit.readStore("host").items[id]).toMatchObject({ size: 2 });

    const read = await host.read(urn, id, updated.outs);
    expect(read).toEqual({ id, props: updated.outs, inputs: { name: "rt", size: 2, __provider: text } });

    await host.delete(urn, id, updated.outs);
    expect(kit.readStore("host").items[id]).toBeUndefined();
    expect((await host.read(urn, id, updated.outs)).id).toBe("");
  });

  test("the UNKNOWN sentinel passes through check and diff", async () => {
    const checked = await host.check(urnOf("u"), {}, { name: host.UNKNOWN, size: UNKNOWN, __provider: text });
    expect(checked).toEqual({ inputs: { name: UNKNOWN, size: UNKNOWN, __provider: text }, failures: [] });
    const olds = { name: "u", size: 1, region: "eu", __provider: text };
    expect((await host.diff(urnOf("u"), "toy-x", olds, { ...olds, size: UNKNOWN })).changes).toBe("some");
  });

  test("provider errors reject with the gRPC message and code", async () => {
    const failing = host.create(urnOf("f"), { name: "f", failOnCreate: true, __provider: text });
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
  const host = await startProviderHost({ cwd: kit.fixtureDir, project: "toy-fixture" });
  try {
    await host.configure({ "toy:storeFile": kit.storeFile("unconfigured") });
    await expect(host.create(urnOf("x"), { name: "x", __provider: kit.providerText })).rejects.toThrow("missing api token (toy:token)");
  } finally {
    await host.close();
  }
  expect(() => process.kill(host.pid, 0)).toThrow();
});

describe("MiniEngine", () => {
  test("up, up with changed config, refresh and destroy replay the engine's steps", async () => {
    const engine = kit.engine();
    const store = kit.storeFile("lifecycle");

    const first = await engine.up(kit.program, kit.config("lifecycle"));
    const state = engine.state;
    const a = state[urnOf("a")];
    const b = state[urnOf("b")];
    // Independent resources step in registration order, which the SDK does not fix; dependents come later.
    expect(first.changes.map((c) => [c.urn, c.kind]).sort()).toEqual([
      [urnOf("a"), "create"],
      [urnOf("b"), "create"],
      [FIRST_URN, "create"],
    ]);
    expect(first.changes.findIndex((c) => c.urn === urnOf("b"))).toBeGreaterThan(first.changes.findIndex((c) => c.urn === urnOf("a")));
    // The output id of a flowed into b's inputs, and b records the dependency.
    expect(b.inputs.parentId).toBe(a.id);
    expect(b.dependencies).toContain(urnOf("a"));
    expect(first.outputs).toMatchObject({ aId: a.id, bParent: a.id, fingerprint: kit.fingerprint("engine-token") });
    // Secrets: a secret input and an additionalSecretOutputs entry are both marked, and so are stack outputs.
    expect(a.secretInputs).toEqual(["tags"]);
    expect(a.additionalSecretOutputs).toEqual(["secretValue"]);
    expect(a.secretOutputs.sort()).toEqual(["secretValue", "tags"]);
    expect(first.secretOutputs).toEqual(["secret"]);
    expect(state["urn:pulumi:dev::toy-fixture::toy:index:ToyGroup::g"]).toMatchObject({ custom: false, outputs: { firstId: state[FIRST_URN].id } });
    expect(Object.keys(kit.readStore("lifecycle").items)).toHaveLength(3);

    const second = await engine.up(kit.program, kit.config("lifecycle", { "toy:size": "7" }));
    expect(mutating(second.steps)).toEqual([{ op: "update", urn: urnOf("a"), type: TYPE }]);
    expect(second.steps.filter((s) => s.urn === urnOf("b")).map((s) => s.op)).toEqual(["check", "diff"]);
    expect(engine.state[urnOf("a")].outputs).toMatchObject({ size: 7, secretValue: a.outputs.secretValue });

    const items = kit.readStore("lifecycle").items;
    items[b.id!].size = 42;
    delete items[state[FIRST_URN].id!];
    fs.writeFileSync(store, JSON.stringify({ ...kit.readStore("lifecycle"), items }));
    const refreshed = await engine.refresh(kit.config("lifecycle", { "toy:size": "7" }));
    expect(refreshed.steps.every((s) => s.op === "read")).toBe(true);
    expect(refreshed.drift).toEqual(
      expect.arrayContaining([
        { urn: urnOf("b"), type: TYPE, changed: ["size"], deleted: false },
        { urn: FIRST_URN, type: TYPE, changed: [], deleted: true },
      ]),
    );
    expect(engine.state[FIRST_URN]).toBeUndefined();
    expect(engine.state[urnOf("b")].inputs.size).toBe(42);

    const destroyed = await engine.destroy(kit.config("lifecycle"));
    expect(destroyed.steps.map((s) => [s.op, s.urn])).toEqual([
      ["delete", urnOf("b")],
      ["delete", urnOf("a")],
    ]);
    expect(engine.state).toEqual({});
    expect(kit.readStore("lifecycle").items).toEqual({});
  });

  test("preview checks and diffs but never mutates, and projects unknown outputs", async () => {
    const engine = kit.engine();
    const planned = await engine.preview(kit.program, kit.config("preview"));
    expect(mutating(planned.steps)).toEqual([]);
    expect(planned.changes.find((c) => c.urn === urnOf("b"))).toMatchObject({ kind: "create", inputs: { parentId: UNKNOWN } });
    expect(planned.outputs.aId).toBe(UNKNOWN);
    expect(engine.state).toEqual({});
    expect(fs.existsSync(kit.storeFile("preview"))).toBe(false);

    await engine.up(kit.program, kit.config("preview"));
    const again = await engine.preview(kit.program, kit.config("preview", { "toy:size": "3" }));
    expect(mutating(again.steps)).toEqual([]);
    expect(again.changes.map((c) => c.kind).sort()).toEqual(["same", "same", "update"]);
  });
});

describe("MiniEngine steps", () => {
  test("replacement is create-before-delete unless the diff asks for delete-before-replace", async () => {
    const engine = kit.engine();
    await engine.up(kit.program, kit.config("replace"));
    const renamed = await engine.up(kit.program, kit.config("replace", { "toy:aName": "alpha-two" }));
    const ops = renamed.steps.filter((s) => s.urn === urnOf("a") && s.op !== "check");
    expect(ops).toEqual([
      { op: "diff", urn: urnOf("a"), type: TYPE },
      { op: "create", urn: urnOf("a"), type: TYPE, reason: "replace" },
      { op: "delete", urn: urnOf("a"), type: TYPE, reason: "replaced" },
    ]);
    // b's parentId follows a's new id: an update, not a replace.
    expect(renamed.changes.find((c) => c.urn === urnOf("b"))?.kind).toBe("update");

    // The toy asks for delete-before-replace when the new inputs say exclusive.
    const dbr = await engine.up(kit.program, kit.config("replace", { "toy:aName": "alpha-three", "toy:exclusive": "true" }));
    expect(dbr.changes.find((c) => c.urn === urnOf("a"))).toMatchObject({ kind: "replace", replaceKeys: ["name"], deleteBeforeReplace: true });
    expect(dbr.steps.filter((s) => s.urn === urnOf("a") && s.op !== "check" && s.op !== "diff")).toEqual([
      { op: "delete", urn: urnOf("a"), type: TYPE, reason: "replace" },
      { op: "create", urn: urnOf("a"), type: TYPE, reason: "replace" },
    ]);
    // Both replaced versions of a were deleted: only a, b and the group's resource remain.
    expect(Object.values(kit.readStore("replace").items).map((i) => i.name).sort()).toEqual(["alpha-three", "beta", "grp-first"]);
  });

  test("check failures and provider errors fail the run and keep what succeeded", async () => {
    const engine = kit.engine();
    await expect(engine.up(kit.program, kit.config("fail", { "toy:aName": "Bad Name" }))).rejects.toBeInstanceOf(CheckFailedError);
    expect(engine.steps.some((s) => s.op === "create" && s.urn === urnOf("a"))).toBe(false);

    const failing = () => {
      new kit.toy.ToyResource("ok", { name: "ok" });
      new kit.toy.ToyResource("boom", { name: "boom", failOnCreate: true });
    };
    await expect(engine.up(failing, kit.config("fail"))).rejects.toThrow("create refused for boom");
    expect(Object.keys(engine.state)).toContain(urnOf("ok"));
    expect(engine.state[urnOf("boom")]).toBeUndefined();

    const throwing = async () => {
      new kit.toy.ToyResource("ok", { name: "ok" });
      throw new Error("program bug");
    };
    await expect(engine.preview(throwing, kit.config("fail"))).rejects.toThrow("program bug");

    // The SDK turns this failure into unhandled rejections and never settles the resource's outputs; the CLI's
    // language host would end the run, and so does the engine, without jest seeing the rejections.
    const sdkFailure = () => ({ id: new kit.toy.BrokenToy("broken").id });
    await expect(engine.up(sdkFailure, kit.config("fail"))).rejects.toThrow("Property '__name' is already initialized");
  });

  test("programs load afresh from a file on every run; get() reads an existing resource", async () => {
    const engine = kit.engine();
    const fromFile = programFromFile(path.join(kit.fixtureDir, "index.js"));
    const first = await engine.up(fromFile, kit.config("file", { "toy:size": "1" }));
    const second = await engine.up(fromFile, kit.config("file", { "toy:size": "5" }));
    expect(mutating(second.steps).map((s) => s.op)).toEqual(["update"]);
    expect(second.outputs).toEqual({ itemId: first.outputs.itemId, size: 5 });

    const adopt = () => {
      const adopted = new kit.toy.ToyResource("adopted", { name: "from-file" }, { id: first.outputs.itemId as string });
      return { size: adopted.size };
    };
    const planned = await engine.preview(adopt, kit.config("file"));
    expect(planned.steps.map((s) => s.op)).toEqual(["read"]);
    expect(planned.changes.map((c) => c.kind).sort()).toEqual(["delete", "read"]);
    expect(planned.outputs).toEqual({ size: 5 });
  });
});
