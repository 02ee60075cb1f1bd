import { join } from "node:path";
import { parse } from "yaml";
import { readFileSync } from "node:fs";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { MiniEngine } from "../harness/engine";
import { preparePackedProject } from "../harness/fixtureProject";
import { programFromFile } from "../harness/program";
import { stackConfig } from "../support/stackConfig";

const root = join(__dirname, "..", "..");
const program = programFromFile(join(root, "provider", "program", "index.ts"));
const devSpec = () => parse(readFileSync(join(root, "Pulumi.dev.yaml"), "utf8")).config["livekit-telephony:telephony"];

let emulator: RunningEmulator;
let engine: MiniEngine;
const config = (spec = devSpec()) =>
  stackConfig(
    join(root, "Pulumi.dev.yaml"),
    { "livekit:url": emulator.url, "livekit-telephony:telephony": spec },
    { "livekit:apiSecret": emulator.apiSecret, "livekit-telephony:devTrunkPassword": "dev-trunk-password" },
  );
/** The dev spec with a new room prefix and agent on the rule and Krisp on the trunk. */
function changedSpec() {
  const spec = devSpec();
  spec.dispatchRules.reception.rule.roomPrefix = "dev-reception";
  spec.dispatchRules.reception.roomConfig.agents[0].agentName = "receptionist-v2";
  spec.inboundTrunks.main.krispEnabled = true;
  return spec;
}
const mutating = <S extends { op: string }>(steps: S[]) => steps.filter((s) => ["create", "update", "delete"].includes(s.op));

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  engine = new MiniEngine({ cwd: (await preparePackedProject()).dir, project: "livekit-telephony", stack: "dev" });
});
afterAll(() => emulator?.close());

describe("the root project's dev stack, end to end through the provider host", () => {
  let firstIds: Record<string, Record<string, string>>;

  it("up creates trunks before the rules that name them, and LiveKit holds the spec field by field", async () => {
    const result = await engine.up(program, config());
    const creates = result.steps.filter((s) => s.op === "create").map((s) => s.type.split(":").pop());
    expect(creates.indexOf("DispatchRule")).toBeGreaterThan(creates.indexOf("InboundTrunk"));
    firstIds = result.outputs as typeof firstIds;

    const [trunk] = emulator.store.list("inboundTrunk");
    expect(trunk).toMatchObject({
      sip_trunk_id: firstIds.inboundTrunkIds.main,
      name: "Dev inbound (emulator)",
      numbers: ["+14155550100"],
      allowed_addresses: ["127.0.0.1"],
      auth_username: "dev-trunk",
      auth_password: "dev-trunk-password",
      krisp_enabled: false,
    });
    const [outbound] = emulator.store.list("outboundTrunk");
    expect(outbound).toMatchObject({ name: "Dev outbound (emulator)", address: "127.0.0.1:5060", transport: "SIP_TRANSPORT_UDP", numbers: ["+14155550100"] });
    const [rule] = emulator.store.list("dispatchRule");
    expect(rule).toMatchObject({
      sip_dispatch_rule_id: firstIds.dispatchRuleIds.reception,
      name: "Dev receptionist",
      trunk_ids: [firstIds.inboundTrunkIds.main],
      rule: { dispatch_rule_individual: { room_prefix: "dev-call", pin: "", no_randomness: false } },
      room_config: expect.objectContaining({ agents: [expect.objectContaining({ agent_name: "receptionist-dev" })] }),
    });
  });

  it("keeps credentials and passwords out of state except as secrets", () => {
    for (const entry of Object.values(engine.state).filter((e) => e.custom)) {
      const provider = String(entry.inputs.__provider);
      expect(Buffer.byteLength(provider)).toBeLessThanOrEqual(4096);
      for (const credential of ["dev-trunk-password", `"${emulator.apiSecret}"`, emulator.apiKey]) expect(provider).not.toContain(credential);
      expect(provider).toContain('require("pulumi-livekit-sip/provider-host")');
      if (entry.type.endsWith("Trunk")) expect(entry.secretOutputs).toContain("authPassword");
      if (entry.inputs.authPassword) expect(entry.secretInputs).toContain("authPassword");
    }
  });

  it("a second up after a config change updates in place: same IDs, no call for unchanged resources", async () => {
    const result = await engine.up(program, config(changedSpec()));
    expect(result.outputs).toEqual(firstIds);
    const changed = mutating(result.steps).map((s) => `${s.op} ${s.type.split(":").pop()}`).sort();
    expect(changed).toEqual(["update DispatchRule", "update InboundTrunk"]);
    expect(emulator.store.list("dispatchRule")[0]).toMatchObject({ rule: { dispatch_rule_individual: expect.objectContaining({ room_prefix: "dev-reception" }) } });
    expect(emulator.store.list("inboundTrunk")[0]).toMatchObject({ krisp_enabled: true });
  });

  it("an up with nothing changed makes no mutating call", async () => {
    const before = emulator.stats().byMethod;
    const result = await engine.up(program, config(changedSpec()));
    expect(mutating(result.steps)).toEqual([]);
    const after = emulator.stats().byMethod;
    expect(Object.keys(after).filter((m) => !/^(Get|List)/.test(m) && after[m] !== before[m])).toEqual([]);
  });

  it("refresh reports an out-of-band edit as drift", async () => {
    const [rule] = emulator.store.list("dispatchRule");
    await emulator.store.put("dispatchRule", { ...rule, name: "renamed in the dashboard" });
    const result = await engine.refresh(config());
    expect(result.drift).toEqual([expect.objectContaining({ type: "pulumi-nodejs:dynamic/livekit:DispatchRule", changed: ["name"], deleted: false })]);
  });

  it("destroy leaves LiveKit empty", async () => {
    await engine.destroy(config());
    expect([...emulator.store.list("inboundTrunk"), ...emulator.store.list("outboundTrunk"), ...emulator.store.list("dispatchRule")]).toEqual([]);
  });
});
