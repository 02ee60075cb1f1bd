import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { TwirpSipApi } from "../../../src/client/twirpSipApi";
import type { RunningEmulator } from "../../../src/emulator";
import { exportProject, type ExportFormat, type ExportResult } from "../../../src/tools/export";
import { validateSpec } from "../../../src/stack/validateSpec";
import { MiniEngine } from "../../harness/engine";
import { preparePackedProject } from "../../harness/fixtureProject";
import { programFromFile } from "../../harness/program";
import { stackConfig } from "../../support/stackConfig";
import { exportedSecretValues } from "./support/exportedSecrets";
import { typeCheckProgram, writeRunnableProgram } from "./support/generatedProgram";
import { useVariedProject } from "./support/variedProject";

const root = join(__dirname, "..", "..", "..");
const rootProgram = programFromFile(join(root, "src", "program", "index.ts"));

const running = useVariedProject();
let emulator: RunningEmulator;
let projectDir: string;
const exported = {} as Record<ExportFormat, ExportResult>;

const exportAs = (format: ExportFormat) =>
  exportProject(new TwirpSipApi({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret }), { format, url: emulator.url });
const connection = () => ({ "livekit:url": emulator.url, "livekit:apiKey": emulator.apiKey });
const liveState = () => ({ in: emulator.store.list("inboundTrunk"), out: emulator.store.list("outboundTrunk"), rules: emulator.store.list("dispatchRule") });
const mutatingCalls = () => Object.keys(emulator.stats().byMethod).filter((method) => !/^(Get|List)/.test(method));

/** Applies a program the way the first `pulumi up` after an export would, and checks it only adopted. */
async function expectAdoptionOnly(engine: MiniEngine, run: () => ReturnType<MiniEngine["up"]>) {
  const before = liveState();
  emulator.resetStats();
  const result = await run();
  expect(mutatingCalls()).toEqual([]);
  expect(liveState()).toEqual(before);
  const adopted = Object.values(engine.state).filter((r) => r.custom);
  expect(adopted.map((r) => r.id).sort()).toEqual([...before.in, ...before.out, ...before.rules].map((o) => o.sip_trunk_id ?? o.sip_dispatch_rule_id).sort());
  expect(adopted.every((r) => r.inputs.adoptId === r.id)).toBe(true);
  return result;
}

beforeAll(async () => {
  emulator = running();
  projectDir = (await preparePackedProject()).dir;
  exported.yaml = await exportAs("yaml");
  exported.typescript = await exportAs("typescript");
});

describe("export of a varied project", () => {
  it("writes a spec TelephonyStack accepts, with trunks by name, secrets by config key and nothing secret in the text", () => {
    const { config } = parse(exported.yaml.text) as { config: Record<string, any> };
    const spec = config["livekit-telephony:telephony"];
    expect(validateSpec(spec, new Set(exported.yaml.model.secrets.map((s) => s.configKey)))).toEqual([]);
    expect(Object.keys(spec.inboundTrunks)).toHaveLength(4);
    expect(spec.dispatchRules.annex).toMatchObject({ trunks: [expect.any(String)], trunkIds: [running().goneTrunkId] });
    expect(spec.dispatchRules.receptionist.trunks).toEqual(["twilioInbound"]);
    expect(spec.inboundTrunks.twilioInbound.authPassword).toEqual({ secret: "twilioInboundAuthPassword" });
    for (const value of Object.values(exportedSecretValues(exported.yaml.model, emulator))) {
      expect(exported.yaml.text).not.toContain(value);
      expect(exported.typescript.text).not.toContain(value);
    }
    expect(exported.yaml.text).toContain("# Before the first `pulumi up`");
    for (const command of exported.yaml.setup) expect(exported.yaml.text).toContain(`#   ${command}`);
  });

  it("writes a TypeScript program that compiles against the package's types", () => {
    expect(exported.typescript.text).toContain("trunkIds: [twilioInbound.sipTrunkId]");
    expect(exported.typescript.text).toContain(`trunkIds: ["${running().goneTrunkId}", `);
    expect(typeCheckProgram(exported.typescript.text, "roundTrip")).toEqual([]);
  });

  it("the exported spec, run through the root program, adopts every object and changes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "export-yaml-"));
    writeFileSync(join(dir, "Pulumi.adopted.yaml"), exported.yaml.text);
    const secrets = Object.fromEntries(Object.entries(exportedSecretValues(exported.yaml.model, emulator)).map(([k, v]) => [`livekit-telephony:${k}`, v]));
    const config = stackConfig(join(dir, "Pulumi.adopted.yaml"), connection(), { "livekit:apiSecret": emulator.apiSecret, ...secrets });
    const engine = new MiniEngine({ cwd: projectDir, project: "livekit-telephony", stack: "adopted" });
    await expectAdoptionOnly(engine, () => engine.up(rootProgram, config));
    expect((await exportAs("yaml")).text).toBe(exported.yaml.text);
  });

  it("the exported program adopts every object and changes nothing", async () => {
    const program = programFromFile(writeRunnableProgram(exported.typescript.text, projectDir, "exported-program"));
    const secrets = Object.fromEntries(Object.entries(exportedSecretValues(exported.typescript.model, emulator)).map(([k, v]) => [`exported:${k}`, v]));
    const config = { config: { ...connection(), "livekit:apiSecret": emulator.apiSecret, ...secrets }, secretKeys: ["livekit:apiSecret", ...Object.keys(secrets)] };
    const engine = new MiniEngine({ cwd: projectDir, project: "exported", stack: "adopted" });
    const result = await expectAdoptionOnly(engine, () => engine.up(program, config));
    expect(Object.keys(result.outputs as object).sort()).toEqual(["dispatchRuleIds", "inboundTrunkIds", "outboundTrunkIds"]);
    expect((await exportAs("typescript")).text).toBe(exported.typescript.text);
  });
});
