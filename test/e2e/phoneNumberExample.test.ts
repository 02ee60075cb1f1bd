import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { loadRoutingConfig } from "../../src/routing";
import { describeSimulation, simulateCall } from "../../src/callRouting";
import { MiniEngine } from "../harness/engine";
import type { ResourceChange } from "../harness/engineTypes";
import { preparePackedProject } from "../harness/fixtureProject";
import { programFromFile } from "../harness/program";
import { stackConfig } from "../support/stackConfig";

/**
 * examples/phone-number-agent end to end through the provider host: a number bought by search and
 * assigned to the agent's rule, changed in place, replaced new-first, protected, released.
 */

const dir = join(__dirname, "..", "..", "examples", "phone-number-agent");
const program = programFromFile(join(dir, "index.ts"));

let emulator: RunningEmulator;
let engine: MiniEngine;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  engine = new MiniEngine({ cwd: (await preparePackedProject()).dir, project: "phone-number-agent", stack: "dev" });
});
afterAll(() => emulator?.close());

const config = (change: Record<string, unknown> = {}) =>
  stackConfig(join(dir, "Pulumi.dev.yaml"), { "livekit:url": emulator.url, ...change }, { "livekit:apiSecret": emulator.apiSecret });
const numbers = () => emulator.store.list("phoneNumber");
const numberStatus = (e164: string) => numbers().find((n) => n.e164_format === e164)?.status;
const kinds = (changes: ResourceChange[]) => changes.filter((c) => c.kind !== "same").map((c) => `${c.kind} ${c.type.split(":").pop()}`);

let outputs: Record<string, any>;

it("plan and simulate, before anything exists, show the number going straight to the agent's rule", async () => {
  const routing = await loadRoutingConfig({ path: dir, stack: "dev" });
  const call = simulateCall(routing, { calledNumber: "number:main-line", callerNumber: "+12125550123" }, { randomSuffix: "R" });
  expect(describeSimulation(call)).toBe(
    "Lands in room `agent_+12125550123_R` with agent `phone-agent-dev` (LiveKit number `number:main-line`, rule `Agent line (LiveKit Phone Number)`).",
  );
});

it("up buys the first number the search finds and assigns it the agent's rule", async () => {
  outputs = (await engine.up(program, config())).outputs as Record<string, any>;
  expect(outputs).toMatchObject({ phoneNumber: "+14155550100", status: "active", phoneNumberId: expect.stringMatching(/^PN_/) });
  expect(numbers()).toEqual([
    expect.objectContaining({ id: outputs.phoneNumberId, e164_format: "+14155550100", status: "PHONE_NUMBER_STATUS_ACTIVE", sip_dispatch_rule_ids: [outputs.dispatchRuleId] }),
  ]);
  const [rule] = emulator.store.list("dispatchRule");
  expect(rule).toMatchObject({ sip_dispatch_rule_id: outputs.dispatchRuleId, trunk_ids: [], room_config: expect.objectContaining({ agents: [expect.objectContaining({ agent_name: "phone-agent-dev" })] }) });
});

it("a new agent updates the rule in place and keeps the number", async () => {
  const result = await engine.up(program, config({ "phone-number-agent:agentName": "phone-agent-v2" }));
  expect(kinds(result.changes)).toEqual(["update DispatchRule"]);
  expect(result.outputs).toEqual(outputs);
});

it("a changed search keeps the number: nothing is bought or released", async () => {
  const result = await engine.up(program, config({ "phone-number-agent:agentName": "phone-agent-v2", "phone-number-agent:areaCode": "212" }));
  expect(kinds(result.changes)).toEqual([]);
  expect(numbers()).toHaveLength(1);
});

it("naming another number shows a replacement in preview, then buys it before releasing the old one", async () => {
  const moved = config({ "phone-number-agent:agentName": "phone-agent-v2", "phone-number-agent:phoneNumber": "+14155550150" });
  const preview = await engine.preview(program, moved);
  expect(preview.changes.filter((c) => c.kind !== "same")).toEqual([expect.objectContaining({ kind: "replace", replaceKeys: ["phoneNumber"], deleteBeforeReplace: false })]);
  const result = await engine.up(program, moved);
  expect(result.steps.filter((s) => s.op === "create" || s.op === "delete").map((s) => `${s.op} ${s.reason}`)).toEqual(["create replace", "delete replaced"]);
  expect(result.outputs).toMatchObject({ phoneNumber: "+14155550150", status: "active" });
  expect([numberStatus("+14155550100"), numberStatus("+14155550150")]).toEqual(["PHONE_NUMBER_STATUS_RELEASED", "PHONE_NUMBER_STATUS_ACTIVE"]);
  outputs = result.outputs as Record<string, any>;
});

it("refresh shows a rule taken off the number out of band as drift", async () => {
  const moved = config({ "phone-number-agent:agentName": "phone-agent-v2", "phone-number-agent:phoneNumber": "+14155550150" });
  const live = emulator.store.get("phoneNumber", outputs.phoneNumberId)!;
  await emulator.store.put("phoneNumber", { ...live, sip_dispatch_rule_id: "", sip_dispatch_rule_ids: [], status: "PHONE_NUMBER_STATUS_OFFLINE" });
  const { drift } = await engine.refresh(moved);
  expect(drift).toEqual([expect.objectContaining({ type: expect.stringMatching(/PhoneNumber$/), deleted: false, changed: expect.arrayContaining(["sipDispatchRuleId", "status"]) })]);
  const repaired = await engine.up(program, moved);
  expect(kinds(repaired.changes)).toEqual(["update PhoneNumber"]);
  expect(numberStatus("+14155550150")).toBe("PHONE_NUMBER_STATUS_ACTIVE");
});

it("with protect on, neither a new number nor destroy can release it", async () => {
  const guarded = config({ "phone-number-agent:agentName": "phone-agent-v2", "phone-number-agent:phoneNumber": "+14155550150", "phone-number-agent:protect": true });
  await engine.up(program, guarded);
  await expect(engine.up(program, { ...guarded, config: { ...guarded.config, "phone-number-agent:phoneNumber": "+14155550160" } })).rejects.toThrow(
    /unable to replace resource .*main-line" as it is currently marked for protection/,
  );
  await expect(engine.destroy(guarded)).rejects.toThrow(/cannot destroy: protected resources .*main-line/);
  expect(numberStatus("+14155550150")).toBe("PHONE_NUMBER_STATUS_ACTIVE");
  expect(numberStatus("+14155550160")).toBeUndefined();
  await engine.up(program, config({ "phone-number-agent:agentName": "phone-agent-v2", "phone-number-agent:phoneNumber": "+14155550150" }));
});

it("destroy releases the number and deletes the rule", async () => {
  await engine.destroy(config({ "phone-number-agent:phoneNumber": "+14155550150" }));
  expect(numbers().map((n) => n.status)).toEqual(["PHONE_NUMBER_STATUS_RELEASED", "PHONE_NUMBER_STATUS_RELEASED"]);
  expect(emulator.store.list("dispatchRule")).toEqual([]);
});
