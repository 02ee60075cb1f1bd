import type { PartialMessage } from "@bufbuild/protobuf";
import { CreateSIPParticipantRequest, TransferSIPParticipantRequest } from "@livekit/protocol";
import { useEmulator } from "./support/emulator";
import { createInbound, createOutbound } from "./support/fixtures";
import { rpc } from "./support/rpc";
import { callToken, token } from "./support/tokens";

/**
 * CreateSIPParticipant / TransferSIPParticipant: every check LiveKit makes before it needs a SIP
 * media node, then the answer of a server without one.
 */

const call = (fields: PartialMessage<CreateSIPParticipantRequest>) =>
  new CreateSIPParticipantRequest({ sipTrunkId: "", sipNumber: "+15550100", sipCallTo: "+15550199", roomName: "room", ...fields });

const transfer = (fields: PartialMessage<TransferSIPParticipantRequest>) =>
  new TransferSIPParticipantRequest({ roomName: "room", participantIdentity: "caller", transferTo: "tel:+15550100", ...fields });

const transferToken = (room = "room") => token({ sip: { call: true }, video: { roomAdmin: true, room } });

describe("CreateSIPParticipant", () => {
  const emulator = useEmulator();
  const create = (fields: PartialMessage<CreateSIPParticipantRequest>, tok: string | null = callToken()) =>
    rpc(emulator().url, "CreateSIPParticipant", call(fields), "json-camel", { token: tok });

  it("needs sip.call: sip.admin is not enough", async () => {
    const res = await create({}, token());
    expect([res.status, res.error]).toEqual([401, { code: "unauthenticated", msg: "permissions denied" }]);
  });

  it.each<[string, PartialMessage<CreateSIPParticipantRequest>, string]>([
    ["no trunk and no number", { sipNumber: "" }, "missing sip trunk id and sip number"],
    ["an inline trunk without hostname", { trunk: { hostname: "" } }, "no outbound hostname specified"],
    ["an inline trunk with a SIP URI", { trunk: { hostname: "sip:x" } }, "trunk hostname should be a hostname or IP, not SIP URI"],
    ["no callee", { sipCallTo: "" }, "missing sip callee number"],
    ["a callee URI", { sipCallTo: "bob@example.com" }, "SipCallTo should be a phone number or SIP user, not a full SIP URI"],
    ["no room", { roomName: "" }, "missing room name"],
    ["a long display name", { displayName: "x".repeat(129) }, "DisplayName too long (max 128 characters)"],
    ["a display name with a bare quote", { displayName: 'a"b' }, "DisplayName must be a valid quoted string: invalid syntax"],
    ["a city without country or region", { destination: { city: "Paris" } }, "if city is specified, country or region must also be specified"],
    ["a country that is no country", { destination: { country: "XX" } }, "country must be a valid ISO 3166-1 alpha-2 code (2-letter like 'US', 'IN', 'UK')"],
    ["a lower-case country", { destination: { country: "us" } }, "country must be a valid ISO 3166-1 alpha-2 code (2-letter like 'US', 'IN', 'UK')"],
    ["a forbidden header", { headers: { "Max-Forwards": "1" } }, "invalid header name: header name Max-Forwards not supported"],
    ["a bad codec", { media: { codecs: [{ name: "" }] } }, "missing codec name"],
  ])("refuses %s", async (_name, fields, msg) => {
    const res = await create(fields);
    expect([res.status, res.error]).toEqual([400, { code: "invalid_argument", msg }]);
  });

  it("answers 404 for an unknown trunk, or an inbound one", async () => {
    const inboundTrunk = await createInbound(emulator().url);
    for (const sipTrunkId of ["ST_nothere", inboundTrunk.sipTrunkId]) {
      const res = await create({ sipTrunkId });
      expect([res.status, res.error?.msg]).toEqual([404, "requested sip trunk does not exist"]);
    }
  });

  it("needs a number from the request or the trunk (psrpc error, prefixed)", async () => {
    const res = await create({ sipNumber: "", trunk: { hostname: "sip.example.com" } });
    expect([res.status, res.error]).toEqual([412, { code: "failed_precondition", msg: "twirp error unknown: no numbers on outbound trunk" }]);
  });

  it("then finds no SIP service to place the call", async () => {
    const trunk = await createOutbound(emulator().url);
    for (const fields of [
      { sipTrunkId: trunk.sipTrunkId, sipNumber: "" },
      { destination: { country: "FR", city: "Paris" }, displayName: "Zoë \\u00e9" },
      // LiveKit v1.13.5 takes UK as GB, and does not check to_user_override.
      { destination: { country: "UK" } },
      { toUserOverride: "a@b" },
    ]) {
      const res = await create(fields);
      expect([res.status, res.error]).toEqual([503, { code: "unavailable", msg: "twirp error unknown: no response from servers" }]);
    }
  });
});

describe("TransferSIPParticipant", () => {
  const emulator = useEmulator();
  const move = (fields: PartialMessage<TransferSIPParticipantRequest>, tok: string | null = transferToken()) =>
    rpc(emulator().url, "TransferSIPParticipant", transfer(fields), "json-camel", { token: tok });

  it.each([
    ["room", { roomName: "" }, "twirp error unknown: Missing room name"],
    ["identity", { participantIdentity: "" }, "twirp error unknown: Missing participant identity"],
  ])("checks the %s before the grants", async (_name, fields, msg) => {
    const res = await move(fields, null);
    expect([res.status, res.error]).toEqual([400, { code: "invalid_argument", msg }]);
  });

  it.each([
    ["sip.call alone", callToken()],
    ["room admin of another room", transferToken("other")],
  ])("needs sip.call and room admin of the room: %s is refused", async (_name, tok) => {
    expect((await move({}, tok)).error).toEqual({ code: "unauthenticated", msg: "permissions denied" });
  });

  it.each([
    ["no target", { transferTo: "" }, "missing transfer to"],
    ["a target that is not a SIP or TEL URI", { transferTo: "https://example.com" }, "transfer_to must be a valid SIP(s) or TEL URI (sip:, sips: or tel:)"],
  ])("refuses %s", async (_name, fields, msg) => {
    expect((await move(fields)).error).toEqual({ code: "invalid_argument", msg });
  });

  it("then finds no such participant, as there are no rooms", async () => {
    const res = await move({ transferTo: "<sip:bob@example.com>" });
    expect([res.status, res.error]).toEqual([404, { code: "not_found", msg: "twirp error unknown: participant does not exist" }]);
  });
});
