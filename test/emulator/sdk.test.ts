import { ListUpdate, SIPDispatchRule, SIPDispatchRuleInfo, SIPInboundTrunkInfo, SIPTransport, RoomConfiguration, RoomAgentDispatch } from "@livekit/protocol";
import { SipClient, TwirpError } from "livekit-server-sdk";
import { useEmulator } from "./support/emulator";

/** The real `livekit-server-sdk` SipClient against the emulator, as the provider will use it. */

describe("livekit-server-sdk SipClient", () => {
  const emulator = useEmulator();
  const client = () => new SipClient(emulator().url, "devkey", "secret");

  const rejection = async (call: Promise<unknown>) => {
    const err = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TwirpError);
    const { status, code, message } = err as TwirpError;
    return { status, code, message };
  };

  it("creates, lists, updates and deletes inbound trunks", async () => {
    const sip = client();
    const trunk = await sip.createSipInboundTrunk("office", ["+15550100"], {
      allowedAddresses: ["1.2.3.4/32"],
      authUsername: "u",
      authPassword: "p",
      ringingTimeout: 30,
      krispEnabled: true,
    });
    expect(trunk.sipTrunkId).toMatch(/^ST_[2-9A-HJ-NP-Za-km-z]{12}$/);
    expect(trunk).toMatchObject({ name: "office", numbers: ["+15550100"], authPassword: "p", krispEnabled: true });
    expect(trunk.ringingTimeout?.seconds).toBe(30n);

    const second = await sip.createSipInboundTrunk("other", ["+15550101"]);
    expect((await sip.listSipInboundTrunk()).map((t) => t.sipTrunkId).sort()).toEqual([trunk.sipTrunkId, second.sipTrunkId].sort());
    expect((await sip.listSipInboundTrunk({ numbers: ["15550101"] })).map((t) => t.sipTrunkId)).toEqual([second.sipTrunkId]);

    const updated = await sip.updateSipInboundTrunkFields(trunk.sipTrunkId, {
      numbers: new ListUpdate({ add: ["+15550102"] }),
      name: "renamed",
    });
    expect(updated).toMatchObject({ name: "renamed", numbers: ["+15550100", "+15550102"], authUsername: "u" });

    const replaced = await sip.updateSipInboundTrunk(trunk.sipTrunkId, new SIPInboundTrunkInfo({ name: "replaced", numbers: ["+15550103"] }));
    expect(replaced).toMatchObject({ sipTrunkId: trunk.sipTrunkId, name: "replaced", authUsername: "", krispEnabled: false });

    const deleted = await sip.deleteSipTrunk(trunk.sipTrunkId);
    expect(deleted.sipTrunkId).toBe(trunk.sipTrunkId);
    expect((await sip.listSipInboundTrunk()).map((t) => t.sipTrunkId)).toEqual([second.sipTrunkId]);
  });

  it("reports conflicts as invalid_argument errors with LiveKit's message", async () => {
    const sip = client();
    const first = await sip.createSipInboundTrunk("a", ["+15550100"]);
    expect(await rejection(sip.createSipInboundTrunk("b", ["+1 555 0100"]))).toEqual({
      status: 400,
      code: "invalid_argument",
      message: `Conflicting inbound SIP Trunks: "<new>" and "${first.sipTrunkId}", using the same number(s) ["+1 555 0100"] without AllowedNumbers set`,
    });
  });

  it("creates and updates outbound trunks", async () => {
    const sip = client();
    const trunk = await sip.createSipOutboundTrunk("carrier", "sip.example.com", ["+15550199"], {
      transport: SIPTransport.SIP_TRANSPORT_TCP,
      destinationCountry: "US",
      authUsername: "u",
      authPassword: "p",
    });
    expect(trunk).toMatchObject({ address: "sip.example.com", transport: SIPTransport.SIP_TRANSPORT_TCP, destinationCountry: "US" });
    const updated = await sip.updateSipOutboundTrunkFields(trunk.sipTrunkId, { numbers: new ListUpdate({ set: ["+15550198"] }) });
    expect(updated.numbers).toEqual(["+15550198"]);
    expect((await sip.listSipOutboundTrunk()).map((t) => t.sipTrunkId)).toEqual([trunk.sipTrunkId]);
    expect(await rejection(sip.createSipOutboundTrunk("bad", "sip:x", ["+1"], { transport: SIPTransport.SIP_TRANSPORT_AUTO }))).toEqual({
      status: 400,
      code: "invalid_argument",
      message: "trunk address should be a hostname or IP, not SIP URI",
    });
  });

  it("creates dispatch rules with the legacy request form the SDK sends, and edits them", async () => {
    const sip = client();
    const trunk = await sip.createSipInboundTrunk("in", ["+15550100"]);
    const roomConfig = new RoomConfiguration({ agents: [new RoomAgentDispatch({ agentName: "agent1" })] });
    const rule = await sip.createSipDispatchRule(
      { type: "direct", roomName: "room1", pin: "1234" },
      { trunkIds: [trunk.sipTrunkId], hidePhoneNumber: true, name: "r", roomConfig, attributes: { a: "1" } },
    );
    expect(rule.sipDispatchRuleId).toMatch(/^SDR_[2-9A-HJ-NP-Za-km-z]{12}$/);
    expect(rule).toMatchObject({ trunkIds: [trunk.sipTrunkId], hidePhoneNumber: true, name: "r", attributes: { a: "1" } });
    expect(rule.roomConfig?.agents[0]?.agentName).toBe("agent1");
    // The legacy form is not upgraded: no media config.
    expect(rule.media).toBeUndefined();

    expect(await rejection(sip.createSipDispatchRule({ type: "individual", roomPrefix: "p", pin: "1234" }, { trunkIds: [trunk.sipTrunkId] }))).toEqual({
      status: 400,
      code: "invalid_argument",
      message: `Dispatch rule for the same trunk, inbound number, number, and PIN combination already exists in dispatch rule "${rule.sipDispatchRuleId}" "r"`,
    });

    const updated = await sip.updateSipDispatchRuleFields(rule.sipDispatchRuleId, {
      trunkIds: new ListUpdate({ add: ["ST_other"] }),
      name: "",
      attributes: { a: "", b: "2" },
    });
    expect(updated).toMatchObject({ trunkIds: [trunk.sipTrunkId, "ST_other"], name: "", attributes: { b: "2" } });

    const replaced = await sip.updateSipDispatchRule(
      rule.sipDispatchRuleId,
      new SIPDispatchRuleInfo({ rule: new SIPDispatchRule({ rule: { case: "dispatchRuleCallee", value: { roomPrefix: "c", randomize: true } } }) }),
    );
    expect(replaced.trunkIds).toEqual([]);
    expect((await sip.listSipDispatchRule({ trunkIds: ["ST_nothing"] })).map((r) => r.sipDispatchRuleId)).toEqual([rule.sipDispatchRuleId]);

    expect((await sip.deleteSipDispatchRule(rule.sipDispatchRuleId)).sipDispatchRuleId).toBe(rule.sipDispatchRuleId);
    expect(await rejection(sip.deleteSipDispatchRule(rule.sipDispatchRuleId))).toEqual({
      status: 404,
      code: "not_found",
      message: "requested sip dispatch rule does not exist",
    });
  });

  it("lists both directions with the deprecated listSipTrunk", async () => {
    const sip = client();
    const i = await sip.createSipInboundTrunk("in", ["+15550100"]);
    const o = await sip.createSipOutboundTrunk("out", "sip.example.com", ["+15550199"], { transport: SIPTransport.SIP_TRANSPORT_AUTO });
    expect((await sip.listSipTrunk()).map((t) => t.sipTrunkId).sort()).toEqual([i.sipTrunkId, o.sipTrunkId].sort());
  });

  it("finds the removed CreateSIPTrunk method gone, like LiveKit", async () => {
    expect(await rejection(client().createSipTrunk("+15550100"))).toEqual({
      status: 404,
      code: "bad_route",
      message: 'no handler for path "/twirp/livekit.SIP/CreateSIPTrunk"',
    });
  });

  it("gets the no-SIP-service answer when placing a call", async () => {
    const sip = client();
    const trunk = await sip.createSipOutboundTrunk("out", "sip.example.com", ["+15550199"], { transport: SIPTransport.SIP_TRANSPORT_AUTO });
    expect(await rejection(sip.createSipParticipant(trunk.sipTrunkId, "+15550100", "room"))).toEqual({
      status: 503,
      code: "unavailable",
      message: "twirp error unknown: no response from servers",
    });
  });

  it("fails with LiveKit's 401 text for a wrong secret", async () => {
    const err = await rejection(new SipClient(emulator().url, "devkey", "wrong").listSipInboundTrunk());
    expect(err).toEqual({ status: 401, code: undefined, message: expect.stringMatching(/^invalid token: eyJ[\w-]+\.[\w-]+\.[\w-]+, error: token signature is invalid: signature is invalid$/) });
  });
});
