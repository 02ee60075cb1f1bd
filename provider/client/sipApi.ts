import {
  CreateSIPDispatchRuleRequest,
  CreateSIPInboundTrunkRequest,
  CreateSIPOutboundTrunkRequest,
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
  SIPDispatchRuleInfo,
  SIPInboundTrunkInfo,
  SIPOutboundTrunkInfo,
  SIPTrunkInfo,
  UpdateSIPDispatchRuleRequest,
  UpdateSIPInboundTrunkRequest,
  UpdateSIPOutboundTrunkRequest,
} from "@livekit/protocol";

interface MessageType {
  fromJson(json: any, options?: { ignoreUnknownFields?: boolean }): { toJson(options?: { emitDefaultValues?: boolean }): unknown };
}

/** Request and response message of every `livekit.SIP` method this package calls. */
export const sipMethods = {
  CreateSIPInboundTrunk: [CreateSIPInboundTrunkRequest, SIPInboundTrunkInfo],
  CreateSIPOutboundTrunk: [CreateSIPOutboundTrunkRequest, SIPOutboundTrunkInfo],
  UpdateSIPInboundTrunk: [UpdateSIPInboundTrunkRequest, SIPInboundTrunkInfo],
  UpdateSIPOutboundTrunk: [UpdateSIPOutboundTrunkRequest, SIPOutboundTrunkInfo],
  GetSIPInboundTrunk: [GetSIPInboundTrunkRequest, GetSIPInboundTrunkResponse],
  GetSIPOutboundTrunk: [GetSIPOutboundTrunkRequest, GetSIPOutboundTrunkResponse],
  ListSIPInboundTrunk: [ListSIPInboundTrunkRequest, ListSIPInboundTrunkResponse],
  ListSIPOutboundTrunk: [ListSIPOutboundTrunkRequest, ListSIPOutboundTrunkResponse],
  DeleteSIPTrunk: [DeleteSIPTrunkRequest, SIPTrunkInfo],
  CreateSIPDispatchRule: [CreateSIPDispatchRuleRequest, SIPDispatchRuleInfo],
  UpdateSIPDispatchRule: [UpdateSIPDispatchRuleRequest, SIPDispatchRuleInfo],
  ListSIPDispatchRule: [ListSIPDispatchRuleRequest, ListSIPDispatchRuleResponse],
  DeleteSIPDispatchRule: [DeleteSIPDispatchRuleRequest, SIPDispatchRuleInfo],
} satisfies Record<string, [MessageType, MessageType]>;

export type SipMethod = keyof typeof sipMethods;

/**
 * LiveKit's SIP service as JSON in, JSON out. Bodies and answers use protobuf JSON with camelCase
 * names; answers carry every field, defaults included, whatever spelling the server used.
 */
export interface SipApi {
  call(method: SipMethod, body: object): Promise<any>;
}
