import type { PartialMessage } from "@bufbuild/protobuf";
import { Duration } from "@bufbuild/protobuf";
import {
  SIPDispatchRuleInfo,
  SIPDispatchRuleUpdate,
  SIPInboundTrunkInfo,
  SIPInboundTrunkUpdate,
  SIPMediaEncryption,
  SIPOutboundTrunkInfo,
  SIPOutboundTrunkUpdate,
  SIPTransport,
  UpdateSIPDispatchRuleRequest,
  UpdateSIPInboundTrunkRequest,
  UpdateSIPOutboundTrunkRequest,
} from "@livekit/protocol";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { useEmulator } from "./support/emulator";
import { callee, createInbound, createOutbound, createRule, direct } from "./support/fixtures";
import { ENCODINGS, ok, type Encoding } from "./support/rpc";

/** Update semantics: `replace`, field `update` with ListUpdate, map diffs, media and Upgrade() (research §2.7). */

describe("updates", () => {
  const emulator = useEmulator();
  const url = () => emulator().url;

  const updateInbound = (id: string, value: PartialMessage<SIPInboundTrunkUpdate>, encoding?: Encoding) =>
    ok<SIPInboundTrunkInfo>(url(), "UpdateSIPInboundTrunk", new UpdateSIPInboundTrunkRequest({ sipTrunkId: id, action: { case: "update", value } }), encoding);
  const replaceInbound = (id: string, value: PartialMessage<SIPInboundTrunkInfo>) =>
    ok<SIPInboundTrunkInfo>(url(), "UpdateSIPInboundTrunk", new UpdateSIPInboundTrunkRequest({ sipTrunkId: id, action: { case: "replace", value } }));
  const updateOutbound = (id: string, value: PartialMessage<SIPOutboundTrunkUpdate>) =>
    ok<SIPOutboundTrunkInfo>(url(), "UpdateSIPOutboundTrunk", new UpdateSIPOutboundTrunkRequest({ sipTrunkId: id, action: { case: "update", value } }));
  const updateRule = (id: string, value: PartialMessage<SIPDispatchRuleUpdate>) =>
    ok<SIPDispatchRuleInfo>(url(), "UpdateSIPDispatchRule", new UpdateSIPDispatchRuleRequest({ sipDispatchRuleId: id, action: { case: "update", value } }));
  const replaceRule = (id: string, value: PartialMessage<SIPDispatchRuleInfo>) =>
    ok<SIPDispatchRuleInfo>(url(), "UpdateSIPDispatchRule", new UpdateSIPDispatchRuleRequest({ sipDispatchRuleId: id, action: { case: "replace", value } }));

  describe("replace", () => {
    it("replaces the whole trunk, clearing what the replacement leaves out, and keeps the ID", async () => {
      const t = await createInbound(url(), { name: "a", metadata: "m", numbers: ["+1"], headers: { "X-A": "1" }, krispEnabled: true });
      const res = await replaceInbound(t.sipTrunkId, { name: "b", authUsername: "u" });
      expect(res.sipTrunkId).toBe(t.sipTrunkId);
      expect(res).toMatchObject({ name: "b", metadata: "", numbers: [], headers: {}, krispEnabled: false, authUsername: "u" });
      expect(emulator().store.get("inboundTrunk", t.sipTrunkId)?.["name"]).toBe("b");
    });

    it("accepts a replacement carrying the same ID", async () => {
      const t = await createInbound(url());
      expect((await replaceInbound(t.sipTrunkId, { sipTrunkId: t.sipTrunkId, numbers: ["+2"] })).numbers).toEqual(["+2"]);
    });

    it("does not upgrade media on replace", async () => {
      const r = await createRule(url());
      expect((await replaceRule(r.sipDispatchRuleId, { rule: direct("x") })).media).toBeUndefined();
    });
  });

  describe.each(ENCODINGS)("field update (%s)", (encoding) => {
    it("overwrites optional scalars that are present, even with an empty string, and keeps absent ones", async () => {
      const t = await createInbound(url(), { name: "a", metadata: "m", authUsername: "u", authPassword: "p", authRealm: "r" });
      const res = await updateInbound(t.sipTrunkId, { name: "", authPassword: "q" }, encoding);
      expect(res).toMatchObject({ name: "", metadata: "m", authUsername: "u", authPassword: "q", authRealm: "r" });
    });

    it("applies ListUpdate operations", async () => {
      const t = await createInbound(url(), { numbers: ["+1", "+2", "+1", "+3"] });
      const id = t.sipTrunkId;
      expect((await updateInbound(id, { numbers: { remove: ["+1", "+9"], add: ["+3", "+4"] } }, encoding)).numbers).toEqual(["+2", "+1", "+3", "+4"]);
      expect((await updateInbound(id, { numbers: { set: ["+5", "+5"] } }, encoding)).numbers).toEqual(["+5", "+5"]);
      expect((await updateInbound(id, { allowedNumbers: { add: ["+7"] } }, encoding)).allowedNumbers).toEqual(["+7"]);
      const cleared = await updateInbound(id, { numbers: { clear: true }, allowedAddresses: { set: ["10.0.0.1"] } }, encoding);
      expect(cleared.numbers).toEqual([]);
      expect(cleared.allowedAddresses).toEqual(["10.0.0.1"]);
    });
  });

  it("leaves fields without an update counterpart alone", async () => {
    const t = await createInbound(url(), {
      headers: { "X-A": "1" },
      ringingTimeout: new Duration({ seconds: 30n }),
      maxCallDuration: new Duration({ seconds: 60n }),
      krispEnabled: true,
    });
    const res = await updateInbound(t.sipTrunkId, { name: "n" });
    expect(res.headers).toEqual({ "X-A": "1" });
    expect(res.ringingTimeout?.seconds).toBe(30n);
    expect(res.maxCallDuration?.seconds).toBe(60n);
    expect(res.krispEnabled).toBe(true);
  });

  it("upgrades media after any field update: an absent config becomes {}", async () => {
    const t = await createInbound(url());
    expect(t.media).toBeUndefined();
    const res = await updateInbound(t.sipTrunkId, { name: "n" });
    expect(res.media).toBeDefined();
    expect(res.media?.codecs).toEqual([]);
    expect(res.media?.encryption).toBeUndefined();
    expect(res.mediaEncryption).toBe(SIPMediaEncryption.SIP_MEDIA_ENCRYPT_DISABLE);
  });

  it("moves the legacy media_encryption into media.encryption, and derives the legacy field back", async () => {
    const t = await createInbound(url());
    const res = await updateInbound(t.sipTrunkId, { mediaEncryption: SIPMediaEncryption.SIP_MEDIA_ENCRYPT_ALLOW });
    expect(res.media?.encryption).toBe(SIPMediaEncryption.SIP_MEDIA_ENCRYPT_ALLOW);
    expect(res.mediaEncryption).toBe(SIPMediaEncryption.SIP_MEDIA_ENCRYPT_ALLOW);
    // Once media.encryption is set it wins over a later legacy value.
    const again = await updateInbound(t.sipTrunkId, { mediaEncryption: SIPMediaEncryption.SIP_MEDIA_ENCRYPT_REQUIRE });
    expect(again.media?.encryption).toBe(SIPMediaEncryption.SIP_MEDIA_ENCRYPT_ALLOW);
    expect(again.mediaEncryption).toBe(SIPMediaEncryption.SIP_MEDIA_ENCRYPT_ALLOW);
  });

  it("replaces the whole media config, without merging", async () => {
    const t = await createInbound(url(), { media: { onlyListedCodecs: true, codecs: [{ name: "PCMU", rate: 8000 }], encryption: SIPMediaEncryption.SIP_MEDIA_ENCRYPT_REQUIRE } });
    const res = await updateInbound(t.sipTrunkId, { media: { codecs: [{ name: "G722" }] } });
    expect(res.media?.onlyListedCodecs).toBe(false);
    expect(res.media?.codecs.map((c) => c.name)).toEqual(["G722"]);
    expect(res.media?.encryption).toBeUndefined();
    expect(res.mediaEncryption).toBe(SIPMediaEncryption.SIP_MEDIA_ENCRYPT_DISABLE);
  });

  it("updates outbound trunk fields", async () => {
    const t = await createOutbound(url(), { numbers: ["+1"] });
    const res = await updateOutbound(t.sipTrunkId, {
      address: "sip2.example.com",
      transport: SIPTransport.SIP_TRANSPORT_TLS,
      destinationCountry: "US",
      fromHost: "from.example.com",
      numbers: { add: ["+2"] },
      authUsername: "",
    });
    expect(res).toMatchObject({
      address: "sip2.example.com",
      transport: SIPTransport.SIP_TRANSPORT_TLS,
      destinationCountry: "US",
      fromHost: "from.example.com",
      numbers: ["+1", "+2"],
      authUsername: "",
    });
  });

  it("applies dispatch-rule updates: trunk lists, whole-rule replacement, attribute diffs", async () => {
    const r = await createRule(url(), { trunkIds: ["ST_a"], attributes: { keep: "1", drop: "2" }, hidePhoneNumber: true, inboundNumbers: ["+1"] });
    const res = await updateRule(r.sipDispatchRuleId, {
      trunkIds: { add: ["ST_b"] },
      rule: callee("pre", "42"),
      name: "renamed",
      attributes: { drop: "", added: "3" },
    });
    expect(res.trunkIds).toEqual(["ST_a", "ST_b"]);
    expect(res.rule?.rule).toEqual({ case: "dispatchRuleCallee", value: expect.objectContaining({ roomPrefix: "pre", pin: "42" }) });
    expect(res.name).toBe("renamed");
    expect(res.attributes).toEqual({ keep: "1", added: "3" });
    expect(res.hidePhoneNumber).toBe(true);
    expect(res.inboundNumbers).toEqual(["+1"]);
    expect(res.media).toBeDefined();
  });

  describe("timestamps, as the open-source server leaves them", () => {
    it("sets neither created_at nor updated_at, on create, update or replace", async () => {
      const t = await createInbound(url());
      expect([t.createdAt, t.updatedAt]).toEqual([undefined, undefined]);
      const updated = await updateInbound(t.sipTrunkId, { name: "x" });
      expect([updated.createdAt, updated.updatedAt]).toEqual([undefined, undefined]);
      const replaced = await replaceInbound(t.sipTrunkId, { numbers: ["+9"] });
      expect([replaced.createdAt, replaced.updatedAt]).toEqual([undefined, undefined]);
    });

    it("keeps timestamps sent on create as they were sent", async () => {
      const r = await createRule(url(), { createdAt: { seconds: 5n }, updatedAt: { seconds: 6n } });
      expect([r.createdAt?.seconds, r.updatedAt?.seconds]).toEqual([5n, 6n]);
    });
  });
});

/** LiveKit Cloud reports when each object was created and last updated; `mode: "cloud"` does too. */
describe("in cloud mode, timestamps as LiveKit Cloud sets them", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, mode: "cloud" });
  });
  beforeEach(() => emulator.store.clear());
  afterAll(() => emulator.close());
  const updateInbound = (id: string, value: PartialMessage<SIPInboundTrunkUpdate>) =>
    ok<SIPInboundTrunkInfo>(emulator.url, "UpdateSIPInboundTrunk", new UpdateSIPInboundTrunkRequest({ sipTrunkId: id, action: { case: "update", value } }));
  const replaceInbound = (id: string, value: PartialMessage<SIPInboundTrunkInfo>) =>
    ok<SIPInboundTrunkInfo>(emulator.url, "UpdateSIPInboundTrunk", new UpdateSIPInboundTrunkRequest({ sipTrunkId: id, action: { case: "replace", value } }));

  it("sets created_at and updated_at together on create", async () => {
    const before = Date.now();
    const t = await createInbound(emulator.url);
    const created = t.createdAt!.toDate().getTime();
    expect(created).toBeGreaterThanOrEqual(before - 1);
    expect(created).toBeLessThanOrEqual(Date.now() + 1);
    expect(t.updatedAt?.equals(t.createdAt)).toBe(true);
  });

  it("moves updated_at forward and keeps created_at, on update and on replace", async () => {
    const t = await createInbound(emulator.url);
    const updated = await updateInbound(t.sipTrunkId, { name: "x" });
    expect(updated.createdAt?.equals(t.createdAt)).toBe(true);
    expect(updated.updatedAt!.toDate() >= t.updatedAt!.toDate()).toBe(true);
    expect(updated.updatedAt?.equals(t.updatedAt)).toBe(false);
    const replaced = await replaceInbound(t.sipTrunkId, { numbers: ["+9"], createdAt: { seconds: 1n } });
    expect(replaced.createdAt?.equals(t.createdAt)).toBe(true);
    expect(replaced.updatedAt?.equals(updated.updatedAt)).toBe(false);
  });

  it("ignores timestamps sent on create", async () => {
    const r = await createRule(emulator.url, { createdAt: { seconds: 5n }, updatedAt: { seconds: 5n } });
    expect(r.createdAt!.seconds > 5n).toBe(true);
  });
});
