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
import type { JsonValue } from "@bufbuild/protobuf";
import type { MessageJson, MessageJsonInput } from "../livekit/protobufJson";

/**
 * A message class as this client uses it. protobuf-es checks whatever `fromJson` is given and
 * throws on anything that is not the message's JSON, so it may be handed any value; `toJson`
 * writes JSON whose shape protobuf-es does not type (see `sipCodecs`).
 */
interface MessageClass {
  fromJson(json: unknown, options?: { ignoreUnknownFields?: boolean }): { toJson(options?: { emitDefaultValues?: boolean }): JsonValue };
}

/** Request message, response message, and the Twirp service when it is not `livekit.SIP`. */
export type MethodEntry = readonly [MessageClass, MessageClass, string?];

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

type MessageOf<C> = C extends abstract new (...args: never[]) => infer T ? T : never;

/** The body a method takes: its request message's JSON, any of its fields (`CreateSIPInboundTrunk` takes `{ trunk }`). */
export type SipRequest<M extends SipMethod> = M extends SipMethod ? MessageJsonInput<MessageOf<(typeof sipMethods)[M][0]>> : never;

/** What a method answers: its response message's JSON, with every field LiveKit's defaults fill in. */
export type SipResponse<M extends SipMethod> = M extends SipMethod ? MessageJson<MessageOf<(typeof sipMethods)[M][1]>> : never;

/**
 * LiveKit's SIP and phone-number services as JSON in, JSON out. Bodies and answers use protobuf
 * JSON with camelCase names; answers carry every field, defaults included, whatever spelling the
 * server used.
 */
export interface SipApi {
  call<M extends SipMethod>(method: M, body: SipRequest<M>): Promise<SipResponse<M>>;
}

/**
 * What a response class wrote (`toJson({ emitDefaultValues: true })`) as the method's response
 * type. protobuf-es types that JSON only as `JsonValue`; `SipResponse` derives its shape from the
 * message class by protobuf's JSON mapping (livekit/protobufJson.ts), which the compiler cannot
 * check against the library's runtime. This is the one place that claim is made; the unit tests
 * check it against what the classes write.
 */
export function asSipResponse<M extends SipMethod>(json: JsonValue): SipResponse<M> {
  return json as SipResponse<M>;
}
