import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { createInbound } from "../emulator/support/fixtures";
import { post } from "../emulator/support/rpc";
import { describeDifference, differences, startDifferentialProxy, type DifferentialProxy } from "./proxy";

/**
 * The differential proxy itself, between two emulators that are known to differ (the cloud mode
 * standing in for "LiveKit"): it must see the difference, report it readably, and give the
 * emulator LiveKit's IDs.
 */

let livekit: RunningEmulator;
let emulator: RunningEmulator;
let proxy: DifferentialProxy;
beforeAll(async () => {
  livekit = await startEmulator({ port: 0, mode: "cloud" });
  emulator = await startEmulator({ port: 0, acceptIdHints: true });
  proxy = await startDifferentialProxy({ emulatorUrl: emulator.url, livekitUrl: livekit.url });
});
afterAll(async () => {
  await proxy.close();
  await emulator.close();
  await livekit.close();
});

it("passes LiveKit's answer on, gives the emulator LiveKit's ID, and reports what differs", async () => {
  const trunk = await createInbound(proxy.url, { numbers: ["+15550100"] });
  expect(livekit.store.get("inboundTrunk", trunk.sipTrunkId)).toBeDefined();
  expect(emulator.store.get("inboundTrunk", trunk.sipTrunkId)).toBeDefined();
  expect(trunk.createdAt).toBeDefined(); // LiveKit's (the cloud mode's) answer
  const found = proxy.takeDifferences();
  expect(found.map((d) => d.where).sort()).toEqual(["body.created_at", "body.updated_at"]);
  expect(describeDifference(found[0])).toMatch(/^CreateSIPInboundTrunk body\.created_at: emulator null, LiveKit "<timestamp>"\n    request: POST \/twirp\/livekit\.SIP\/CreateSIPInboundTrunk /);
  expect(proxy.takeDifferences()).toEqual([]);
});

it("reports a different status with both whole answers", async () => {
  // The open-source server lets this update through (its update gap); cloud mode refuses it.
  await createInbound(proxy.url, { numbers: ["+15550001"] });
  const b = await createInbound(proxy.url, { numbers: ["+15550002"] });
  proxy.takeDifferences();
  await post(proxy.url, "/twirp/livekit.SIP/UpdateSIPInboundTrunk", { body: JSON.stringify({ sipTrunkId: b.sipTrunkId, update: { numbers: { set: ["+15550001"] } } }) });
  const found = proxy.takeDifferences();
  expect(found.map((d) => [d.where, d.emulator, d.livekit])).toEqual([
    ["status", 200, 400],
    ["body", expect.objectContaining({ sip_trunk_id: b.sipTrunkId }), expect.objectContaining({ code: "invalid_argument" })],
  ]);
});

it("compares nested values path by path", () => {
  expect(differences({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }], c: true })).toEqual([
    { where: "body.a[1].b", a: 2, b: 3 },
    { where: "body.c", a: undefined, b: true },
  ]);
});
