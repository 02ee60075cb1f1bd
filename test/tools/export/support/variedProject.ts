import { RoomAgentDispatch, RoomConfiguration } from "@livekit/protocol";
import { SipClient } from "livekit-server-sdk";
import { TwirpSipApi } from "../../../../src/client/twirpSipApi";
import { startEmulator, type RunningEmulator } from "../../../../src/emulator";
import { definitions } from "../../../../src/resources";
import { fullDispatchRule, fullInboundTrunk, fullOutboundTrunk } from "../../../fixtures/fullArgs";

/**
 * A project as teams build it by hand: every field kind set somewhere (through the full
 * `dispatchRule` request form), rules made with the JS SDK's legacy `createSipDispatchRule` form,
 * a wildcard rule and a trunk without numbers, pins, attributes, agent dispatch, an unnamed
 * trunk, two trunks with the same name, and a rule still naming a trunk that was deleted.
 */
export async function seedVariedProject(emulator: RunningEmulator) {
  const api = new TwirpSipApi({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret });
  const sdk = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
  const { InboundTrunk, OutboundTrunk, DispatchRule } = definitions;

  const twilio = await api.call("CreateSIPInboundTrunk", { trunk: InboundTrunk.schema.toWire(fullInboundTrunk) });
  const office = await sdk.createSipInboundTrunk("Office", ["+14155550100"], { authUsername: "office", authPassword: "office-pass" });
  const officeAnnex = await sdk.createSipInboundTrunk("Office", ["+14155550101"], { allowedNumbers: ["+14155550177"] });
  await sdk.createSipInboundTrunk("", [], { allowedAddresses: ["10.0.0.0/8"] });
  const gone = await sdk.createSipInboundTrunk("Gone", ["+14155550102"]);
  await api.call("CreateSIPOutboundTrunk", { trunk: OutboundTrunk.schema.toWire(fullOutboundTrunk) });
  await sdk.createSipOutboundTrunk("Dialer", "sip.example.com", ["+14155550199"]);

  await api.call("CreateSIPDispatchRule", { dispatchRule: DispatchRule.schema.toWire({ ...fullDispatchRule, trunkIds: [twilio.sipTrunkId] }) });
  const agents = [new RoomAgentDispatch({ agentName: "front-desk", metadata: '{"lang":"de"}' })];
  await sdk.createSipDispatchRule(
    { type: "direct", roomName: "lobby", pin: "4321" },
    { trunkIds: [office.sipTrunkId], name: "Lobby", hidePhoneNumber: true, attributes: { site: "hq" }, roomConfig: new RoomConfiguration({ agents }) },
  );
  await sdk.createSipDispatchRule({ type: "callee", roomPrefix: "callee", randomize: true }, { name: "Everything else" });
  await sdk.createSipDispatchRule({ type: "individual", roomPrefix: "annex" }, { trunkIds: [gone.sipTrunkId, officeAnnex.sipTrunkId], name: "Annex" });
  await sdk.deleteSipTrunk(gone.sipTrunkId);
  return { goneTrunkId: gone.sipTrunkId };
}

/** One emulator per test file, seeded once with the varied project; a getter because it exists only once `beforeAll` ran. */
export function useVariedProject(): () => RunningEmulator & { goneTrunkId: string } {
  let running: (RunningEmulator & { goneTrunkId: string }) | undefined;
  beforeAll(async () => {
    const emulator = await startEmulator({ port: 0 });
    running = Object.assign(emulator, await seedVariedProject(emulator));
  });
  afterAll(() => running?.close());
  return () => {
    if (!running) throw new Error("the emulator is not running");
    return running;
  };
}
