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
import {
  GetPhoneNumberRequest,
  GetPhoneNumberResponse,
  ListPhoneNumbersRequest,
  ListPhoneNumbersResponse,
  PurchasePhoneNumberRequest,
  PurchasePhoneNumberResponse,
  ReleasePhoneNumbersRequest,
  ReleasePhoneNumbersResponse,
  SearchPhoneNumbersRequest,
  SearchPhoneNumbersResponse,
  UpdatePhoneNumberRequest,
  UpdatePhoneNumberResponse,
} from "../livekit/phoneNumberMessages";

interface MessageType {
  fromJson(json: any, options?: { ignoreUnknownFields?: boolean }): { toJson(options?: { emitDefaultValues?: boolean }): unknown };
}

/** Request message, response message, and the Twirp service when it is not `livekit.SIP`. */
export type MethodEntry = readonly [MessageType, MessageType, string?];

/** The Twirp service of methods whose entry names none. */
export const SIP_SERVICE = "livekit.SIP";
/** LiveKit Phone Numbers: the same server, credentials and `sip.admin` grant as `livekit.SIP`. */
const PHONE_NUMBER_SERVICE = "livekit.PhoneNumberService";

/**
 * Request and response message of every method this package calls, and its Twirp service when it
 * is not `livekit.SIP`. Method names are unique across LiveKit's services.
 */
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
  SearchPhoneNumbers: [SearchPhoneNumbersRequest, SearchPhoneNumbersResponse, PHONE_NUMBER_SERVICE],
  PurchasePhoneNumber: [PurchasePhoneNumberRequest, PurchasePhoneNumberResponse, PHONE_NUMBER_SERVICE],
  ListPhoneNumbers: [ListPhoneNumbersRequest, ListPhoneNumbersResponse, PHONE_NUMBER_SERVICE],
  GetPhoneNumber: [GetPhoneNumberRequest, GetPhoneNumberResponse, PHONE_NUMBER_SERVICE],
  UpdatePhoneNumber: [UpdatePhoneNumberRequest, UpdatePhoneNumberResponse, PHONE_NUMBER_SERVICE],
  ReleasePhoneNumbers: [ReleasePhoneNumbersRequest, ReleasePhoneNumbersResponse, PHONE_NUMBER_SERVICE],
} satisfies Record<string, MethodEntry>;

export type SipMethod = keyof typeof sipMethods;

/**
 * LiveKit's SIP and phone-number services as JSON in, JSON out. Bodies and answers use protobuf
 * JSON with camelCase names; answers carry every field, defaults included, whatever spelling the
 * server used.
 */
export interface SipApi {
  call(method: SipMethod, body: object): Promise<any>;
}
