import type { PartialMessage } from "@bufbuild/protobuf";
import {
  CreateSIPDispatchRuleRequest,
  CreateSIPInboundTrunkRequest,
  CreateSIPOutboundTrunkRequest,
  SIPDispatchRuleInfo,
  SIPInboundTrunkInfo,
  SIPOutboundTrunkInfo,
} from "@livekit/protocol";
import { ok, type Encoding } from "./rpc";

/** Creating resources through the API, with small valid defaults. */

export const inbound = (fields: PartialMessage<SIPInboundTrunkInfo> = {}) =>
  new CreateSIPInboundTrunkRequest({ trunk: { name: "in", numbers: ["+15550100"], ...fields } });

export const outbound = (fields: PartialMessage<SIPOutboundTrunkInfo> = {}) =>
  new CreateSIPOutboundTrunkRequest({ trunk: { name: "out", address: "sip.example.com", numbers: ["+15550199"], ...fields } });

export const direct = (roomName: string, pin = "") => ({
  rule: { case: "dispatchRuleDirect" as const, value: { roomName, pin } },
});

export const individual = (roomPrefix: string, pin = "") => ({
  rule: { case: "dispatchRuleIndividual" as const, value: { roomPrefix, pin } },
});

export const callee = (roomPrefix: string, pin = "") => ({
  rule: { case: "dispatchRuleCallee" as const, value: { roomPrefix, pin } },
});

/** The new request form: `{ dispatch_rule: {…} }`. */
export const rule = (fields: PartialMessage<SIPDispatchRuleInfo> = {}) =>
  new CreateSIPDispatchRuleRequest({ dispatchRule: { rule: direct("room"), ...fields } });

export const createInbound = (url: string, fields?: PartialMessage<SIPInboundTrunkInfo>, encoding?: Encoding) =>
  ok<SIPInboundTrunkInfo>(url, "CreateSIPInboundTrunk", inbound(fields), encoding);

export const createOutbound = (url: string, fields?: PartialMessage<SIPOutboundTrunkInfo>, encoding?: Encoding) =>
  ok<SIPOutboundTrunkInfo>(url, "CreateSIPOutboundTrunk", outbound(fields), encoding);

export const createRule = (url: string, fields?: PartialMessage<SIPDispatchRuleInfo>, encoding?: Encoding) =>
  ok<SIPDispatchRuleInfo>(url, "CreateSIPDispatchRule", rule(fields), encoding);
