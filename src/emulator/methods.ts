import type { Message, MessageType } from "@bufbuild/protobuf";
import {
  CreateSIPDispatchRuleRequest,
  CreateSIPInboundTrunkRequest,
  CreateSIPOutboundTrunkRequest,
  CreateSIPParticipantRequest,
  DeleteSIPDispatchRuleRequest,
  DeleteSIPTrunkRequest,
  GetSIPInboundTrunkRequest,
  GetSIPOutboundTrunkRequest,
  ListSIPDispatchRuleRequest,
  ListSIPInboundTrunkRequest,
  ListSIPOutboundTrunkRequest,
  ListSIPTrunkRequest,
  TransferSIPParticipantRequest,
  UpdateSIPDispatchRuleRequest,
  UpdateSIPInboundTrunkRequest,
  UpdateSIPOutboundTrunkRequest,
} from "@livekit/protocol";
import {
  GetPhoneNumberRequest,
  ListPhoneNumbersRequest,
  PurchasePhoneNumberRequest,
  ReleasePhoneNumbersRequest,
  SearchPhoneNumbersRequest,
  UpdatePhoneNumberRequest,
} from "../livekit/phoneNumberMessages";
import type { HandlerContext } from "./handlers/context";
import { createDispatchRule, deleteDispatchRule, listDispatchRules, updateDispatchRule } from "./handlers/dispatchRules";
import { createInboundTrunk, getInboundTrunk, listInboundTrunks, updateInboundTrunk } from "./handlers/inboundTrunks";
import { createOutboundTrunk, getOutboundTrunk, listOutboundTrunks, updateOutboundTrunk } from "./handlers/outboundTrunks";
import { createParticipant, transferParticipant } from "./handlers/participants";
import {
  getPhoneNumber,
  listPhoneNumbers,
  purchasePhoneNumber,
  releasePhoneNumbers,
  searchPhoneNumbers,
  updatePhoneNumber,
} from "./handlers/phoneNumbers";
import { deleteTrunk, listLegacyTrunks } from "./handlers/trunks";

/** One method of a Twirp service (`CreateSIPTrunk` no longer exists in `livekit.SIP`). */
export interface MethodSpec {
  readonly name: string;
  readonly request: MessageType;
  /** Changes state (here or, for calls, in the world); used to select methods for fault injection. */
  readonly mutating: boolean;
  readonly handle: (request: Message, ctx: HandlerContext) => Message | Promise<Message>;
}

function method<Req extends Message<Req>>(
  name: string,
  request: MessageType<Req>,
  mutating: boolean,
  handle: (request: Req, ctx: HandlerContext) => Message | Promise<Message>,
): MethodSpec {
  return { name, request, mutating, handle: (req, ctx) => handle(req as Req, ctx) };
}

export const SIP_METHODS: ReadonlyMap<string, MethodSpec> = new Map(
  [
    method("ListSIPTrunk", ListSIPTrunkRequest, false, listLegacyTrunks),
    method("CreateSIPInboundTrunk", CreateSIPInboundTrunkRequest, true, createInboundTrunk),
    method("CreateSIPOutboundTrunk", CreateSIPOutboundTrunkRequest, true, createOutboundTrunk),
    method("UpdateSIPInboundTrunk", UpdateSIPInboundTrunkRequest, true, updateInboundTrunk),
    method("UpdateSIPOutboundTrunk", UpdateSIPOutboundTrunkRequest, true, updateOutboundTrunk),
    method("GetSIPInboundTrunk", GetSIPInboundTrunkRequest, false, getInboundTrunk),
    method("GetSIPOutboundTrunk", GetSIPOutboundTrunkRequest, false, getOutboundTrunk),
    method("ListSIPInboundTrunk", ListSIPInboundTrunkRequest, false, listInboundTrunks),
    method("ListSIPOutboundTrunk", ListSIPOutboundTrunkRequest, false, listOutboundTrunks),
    method("DeleteSIPTrunk", DeleteSIPTrunkRequest, true, deleteTrunk),
    method("CreateSIPDispatchRule", CreateSIPDispatchRuleRequest, true, createDispatchRule),
    method("UpdateSIPDispatchRule", UpdateSIPDispatchRuleRequest, true, updateDispatchRule),
    method("ListSIPDispatchRule", ListSIPDispatchRuleRequest, false, listDispatchRules),
    method("DeleteSIPDispatchRule", DeleteSIPDispatchRuleRequest, true, deleteDispatchRule),
    method("CreateSIPParticipant", CreateSIPParticipantRequest, true, createParticipant),
    method("TransferSIPParticipant", TransferSIPParticipantRequest, true, transferParticipant),
  ].map((spec) => [spec.name, spec]),
);

/** LiveKit Phone Numbers; only LiveKit Cloud serves it, with the SIP service's grant. */
export const PHONE_NUMBER_METHODS: ReadonlyMap<string, MethodSpec> = new Map(
  [
    method("SearchPhoneNumbers", SearchPhoneNumbersRequest, false, searchPhoneNumbers),
    method("PurchasePhoneNumber", PurchasePhoneNumberRequest, true, purchasePhoneNumber),
    method("ListPhoneNumbers", ListPhoneNumbersRequest, false, listPhoneNumbers),
    method("GetPhoneNumber", GetPhoneNumberRequest, false, getPhoneNumber),
    method("UpdatePhoneNumber", UpdatePhoneNumberRequest, true, updatePhoneNumber),
    method("ReleasePhoneNumbers", ReleasePhoneNumbersRequest, true, releasePhoneNumbers),
  ].map((spec) => [spec.name, spec]),
);

/** The Twirp services the emulator serves, by their `package.Service` name. */
export const SERVICES: ReadonlyMap<string, ReadonlyMap<string, MethodSpec>> = new Map([
  ["livekit.SIP", SIP_METHODS],
  ["livekit.PhoneNumberService", PHONE_NUMBER_METHODS],
]);

/** A method of any service; names are unique across LiveKit's services. */
export const methodSpec = (name: string): MethodSpec | undefined => SIP_METHODS.get(name) ?? PHONE_NUMBER_METHODS.get(name);

export function classifyMethod(name: string): "mutating" | "read" | undefined {
  const spec = methodSpec(name);
  if (spec === undefined) return undefined;
  return spec.mutating ? "mutating" : "read";
}
