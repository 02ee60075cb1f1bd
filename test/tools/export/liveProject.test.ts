import { sipApiFor } from "../../../src/cli/connectionOptions";
import { startEmulator, type RunningEmulator } from "../../../src/emulator";
import { readLiveProject } from "../../../src/resources/liveProject";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  await emulator.store.put("inboundTrunk", { sip_trunk_id: "ST_aaaaaaaaaaaa", name: "Main", numbers: ["+14155550100"] });
  await emulator.store.put("dispatchRule", { sip_dispatch_rule_id: "SDR_aaaaaaaaaaaa", name: "Reception", rule: { dispatch_rule_direct: { room_name: "lobby" } } });
});
afterAll(() => emulator?.close());

it("the CLI reads a live project through the provider's retries, so transient failures do not abort an export or drift", async () => {
  emulator.setFaults({ rate: 0.5, seed: 3, kinds: ["unavailable"], methods: "read", timing: "before" });
  const api = sipApiFor({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret });
  const project = await readLiveProject(api);
  emulator.setFaults(undefined);
  expect(emulator.stats().faults.unavailable).toBeGreaterThan(0);
  expect(project.InboundTrunk.map((t) => t.sipTrunkId)).toEqual(["ST_aaaaaaaaaaaa"]);
  expect(project.OutboundTrunk).toEqual([]);
  expect(project.DispatchRule.map((r) => r.name)).toEqual(["Reception"]);
});
