import type { PartialMessage } from "@bufbuild/protobuf";
import {
  DeleteSIPDispatchRuleRequest,
  DeleteSIPTrunkRequest,
  GetSIPInboundTrunkRequest,
  GetSIPInboundTrunkResponse,
  GetSIPOutboundTrunkRequest,
  GetSIPOutboundTrunkResponse,
  ListSIPDispatchRuleRequest,
  ListSIPDispatchRuleResponse,
  ListSIPInboundTrunkRequest,
  ListSIPInboundTrunkResponse,
  ListSIPOutboundTrunkRequest,
  ListSIPOutboundTrunkResponse,
  ListSIPTrunkRequest,
  ListSIPTrunkResponse,
  SIPDispatchRuleInfo,
  SIPTransport,
  SIPTrunkInfo,
  SIPTrunkInfo_TrunkKind,
} from "@livekit/protocol";
import { byId, useEmulator } from "./support/emulator";
import { createInbound, createOutbound, createRule } from "./support/fixtures";
import { ENCODINGS, ok, post, rpc } from "./support/rpc";

/** List filters, ordering and pagination, Get, and Delete semantics (research §3). */

describe("lists, gets and deletes", () => {
  const emulator = useEmulator();
  const url = () => emulator().url;

  const listInbound = (req: PartialMessage<ListSIPInboundTrunkRequest>, encoding = ENCODINGS[0]) =>
    ok<ListSIPInboundTrunkResponse>(url(), "ListSIPInboundTrunk", new ListSIPInboundTrunkRequest(req), encoding).then((r) => r.items.map((t) => t.sipTrunkId));
  const listOutbound = (req: PartialMessage<ListSIPOutboundTrunkRequest>) =>
    ok<ListSIPOutboundTrunkResponse>(url(), "ListSIPOutboundTrunk", new ListSIPOutboundTrunkRequest(req)).then((r) => r.items.map((t) => t.sipTrunkId));
  const listRules = (req: PartialMessage<ListSIPDispatchRuleRequest>) =>
    ok<ListSIPDispatchRuleResponse>(url(), "ListSIPDispatchRule", new ListSIPDispatchRuleRequest(req)).then((r) => r.items.map((x) => x.sipDispatchRuleId));

  describe.each(ENCODINGS)("inbound trunk list (%s)", (encoding) => {
    it("sorts by ID and filters by IDs and by numbers, keeping trunks without numbers", async () => {
      const a = await createInbound(url(), { numbers: ["+15550001"] });
      const b = await createInbound(url(), { numbers: ["+15550002", "+15550003"] });
      const wildcard = await createInbound(url(), { numbers: [], authUsername: "u" });
      const all = byId([a.sipTrunkId, b.sipTrunkId, wildcard.sipTrunkId]);
      expect(await listInbound({}, encoding)).toEqual(all);
      expect(await listInbound({ trunkIds: [b.sipTrunkId, "ST_missing", a.sipTrunkId] }, encoding)).toEqual(byId([a.sipTrunkId, b.sipTrunkId]));
      expect(await listInbound({ numbers: ["1 555 0003"] }, encoding)).toEqual(byId([b.sipTrunkId, wildcard.sipTrunkId]));
      expect(await listInbound({ numbers: ["+19999999"] }, encoding)).toEqual([wildcard.sipTrunkId]);
      expect(await listInbound({ numbers: ["+15550001"], trunkIds: [b.sipTrunkId, a.sipTrunkId] }, encoding)).toEqual([a.sipTrunkId]);
    });
  });

  it("paginates with after_id and answers everything after it whatever the limit (OSS)", async () => {
    const ids = byId(await Promise.all([1, 2, 3, 4, 5].map((n) => createInbound(url(), { numbers: [`+1555000${n}`] }).then((t) => t.sipTrunkId))));
    expect(await listInbound({ page: { afterId: ids[1] } })).toEqual(ids.slice(2));
    expect(await listInbound({ page: { afterId: ids[1], limit: 1 } })).toEqual(ids.slice(2));
    expect(await listInbound({ page: { limit: 2 } })).toEqual(ids);
    expect(await listInbound({ page: { afterId: "ST_" } })).toEqual(ids);
    expect(await listInbound({ page: { afterId: ids[4] } })).toEqual([]);
  });

  it("matches outbound numbers exactly, without normalisation", async () => {
    const a = await createOutbound(url(), { numbers: ["+15550001"] });
    const b = await createOutbound(url(), { numbers: ["15550002"] });
    expect(await listOutbound({ numbers: ["+15550001"] })).toEqual([a.sipTrunkId]);
    expect(await listOutbound({ numbers: ["+15550002"] })).toEqual([]);
    expect(await listOutbound({ trunkIds: [b.sipTrunkId] })).toEqual([b.sipTrunkId]);
    expect(await listOutbound({})).toEqual(byId([a.sipTrunkId, b.sipTrunkId]));
  });

  it("filters dispatch rules by ID and by trunk, keeping rules without trunks", async () => {
    const a = await createRule(url(), { trunkIds: ["ST_a"] });
    const b = await createRule(url(), { trunkIds: ["ST_b", "ST_c"] });
    const any = await createRule(url(), {});
    const ids = (...rules: SIPDispatchRuleInfo[]) => byId(rules.map((r) => r.sipDispatchRuleId));
    expect(await listRules({})).toEqual(ids(a, b, any));
    expect(await listRules({ trunkIds: ["ST_c"] })).toEqual(ids(b, any));
    expect(await listRules({ dispatchRuleIds: [a.sipDispatchRuleId, "SDR_missing"] })).toEqual(ids(a));
    expect(await listRules({ dispatchRuleIds: [a.sipDispatchRuleId, any.sipDispatchRuleId], trunkIds: ["ST_b"] })).toEqual(ids(any));
    const first = ids(a, b, any)[0];
    expect(await listRules({ page: { afterId: first } })).toEqual(ids(a, b, any).slice(1));
  });

  it("lists both directions in the legacy shape with the deprecated ListSIPTrunk", async () => {
    const i = await createInbound(url(), { name: "in", numbers: ["+1", "+2"], allowedAddresses: ["10.0.0.1"], allowedNumbers: ["+9"], authUsername: "u", authPassword: "p" });
    const o = await createOutbound(url(), { name: "out", address: "sip.example.com", numbers: ["+3"], transport: SIPTransport.SIP_TRANSPORT_TCP, authUsername: "ou", authPassword: "op" });
    const res = await ok<ListSIPTrunkResponse>(url(), "ListSIPTrunk", new ListSIPTrunkRequest());
    expect(res.items.map((t) => t.sipTrunkId)).toEqual(byId([i.sipTrunkId, o.sipTrunkId]));
    const byKind = (kind: SIPTrunkInfo_TrunkKind) => res.items.find((t) => t.kind === kind);
    expect(byKind(SIPTrunkInfo_TrunkKind.TRUNK_INBOUND)).toMatchObject({
      sipTrunkId: i.sipTrunkId,
      name: "in",
      outboundNumber: "+1",
      inboundAddresses: ["10.0.0.1"],
      inboundNumbers: ["+9"],
      inboundUsername: "u",
      inboundPassword: "p",
    });
    expect(byKind(SIPTrunkInfo_TrunkKind.TRUNK_OUTBOUND)).toMatchObject({
      sipTrunkId: o.sipTrunkId,
      outboundAddress: "sip.example.com",
      outboundNumber: "+3",
      transport: SIPTransport.SIP_TRANSPORT_TCP,
      outboundUsername: "ou",
      outboundPassword: "op",
    });
  });

  it("gets a trunk by ID, with its password in clear", async () => {
    const i = await createInbound(url(), { authUsername: "u", authPassword: "secret-pw" });
    const o = await createOutbound(url(), { authPassword: "pw2" });
    const gi = await ok<GetSIPInboundTrunkResponse>(url(), "GetSIPInboundTrunk", new GetSIPInboundTrunkRequest({ sipTrunkId: i.sipTrunkId }));
    expect(gi.trunk?.equals(i)).toBe(true);
    expect(gi.trunk?.authPassword).toBe("secret-pw");
    const go = await ok<GetSIPOutboundTrunkResponse>(url(), "GetSIPOutboundTrunk", new GetSIPOutboundTrunkRequest({ sipTrunkId: o.sipTrunkId }));
    expect(go.trunk?.equals(o)).toBe(true);
  });

  describe("DeleteSIPTrunk", () => {
    it("deletes either direction and answers the legacy shape holding only the ID", async () => {
      const i = await createInbound(url());
      const res = await post(url(), "/twirp/livekit.SIP/DeleteSIPTrunk", { body: JSON.stringify({ sip_trunk_id: i.sipTrunkId }) });
      expect(res.status).toBe(200);
      const body = JSON.parse(res.text) as Record<string, unknown>;
      expect(body).toMatchObject({ sip_trunk_id: i.sipTrunkId, kind: "TRUNK_LEGACY", transport: "SIP_TRANSPORT_AUTO", inbound_addresses: [], name: "" });
      expect(emulator().store.list("inboundTrunk")).toEqual([]);
      const o = await createOutbound(url());
      await ok(url(), "DeleteSIPTrunk", new DeleteSIPTrunkRequest({ sipTrunkId: o.sipTrunkId }));
      expect(emulator().store.list("outboundTrunk")).toEqual([]);
    });

    it("answers 200 for a trunk that does not exist", async () => {
      const res = await ok<SIPTrunkInfo>(url(), "DeleteSIPTrunk", new DeleteSIPTrunkRequest({ sipTrunkId: "ST_nothere" }));
      expect(res.equals(new SIPTrunkInfo({ sipTrunkId: "ST_nothere" }))).toBe(true);
    });

    it("leaves dispatch rules pointing at the trunk in place", async () => {
      const t = await createInbound(url());
      const r = await createRule(url(), { trunkIds: [t.sipTrunkId] });
      await ok(url(), "DeleteSIPTrunk", new DeleteSIPTrunkRequest({ sipTrunkId: t.sipTrunkId }));
      expect(await listRules({})).toEqual([r.sipDispatchRuleId]);
    });
  });

  it("DeleteSIPDispatchRule answers the deleted rule, then 404", async () => {
    const r = await createRule(url(), { name: "gone" });
    const req = new DeleteSIPDispatchRuleRequest({ sipDispatchRuleId: r.sipDispatchRuleId });
    const deleted = await ok<SIPDispatchRuleInfo>(url(), "DeleteSIPDispatchRule", req);
    expect(deleted.equals(r)).toBe(true);
    const again = await rpc(url(), "DeleteSIPDispatchRule", req);
    expect(again.status).toBe(404);
    expect(again.error).toEqual({ code: "not_found", msg: "requested sip dispatch rule does not exist" });
  });
});
