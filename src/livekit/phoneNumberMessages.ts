import { Message, proto3, ScalarType, Timestamp } from "@bufbuild/protobuf";
import { TokenPagination } from "@livekit/protocol";

/**
 * The messages of `livekit.PhoneNumberService` (protocol `protobufs/livekit_phone_number.proto`).
 * `@livekit/protocol` 1.51.0 generates them but does not export them (they sit in an ESM file
 * outside its export map), so they are declared here from the proto's field numbers. Names match
 * the generated ones, so switching to the package's exports later is an import change.
 */

/** `PhoneNumberStatus`. */
export enum PhoneNumberStatus {
  UNSPECIFIED = 0,
  /** Assigned to a dispatch rule and taking calls. */
  ACTIVE = 1,
  /** Being provisioned. */
  PENDING = 2,
  /** Given back; kept in lists with `releasedAt`. */
  RELEASED = 3,
  /** Owned, but no dispatch rule is assigned, so calls to it go nowhere. */
  OFFLINE = 4,
}
proto3.util.setEnumType(PhoneNumberStatus, "livekit.PhoneNumberStatus", [
  { no: 0, name: "PHONE_NUMBER_STATUS_UNSPECIFIED" },
  { no: 1, name: "PHONE_NUMBER_STATUS_ACTIVE" },
  { no: 2, name: "PHONE_NUMBER_STATUS_PENDING" },
  { no: 3, name: "PHONE_NUMBER_STATUS_RELEASED" },
  { no: 4, name: "PHONE_NUMBER_STATUS_OFFLINE" },
]);

/** `PhoneNumberType`. */
export enum PhoneNumberType {
  UNKNOWN = 0,
  MOBILE = 1,
  LOCAL = 2,
  TOLL_FREE = 3,
}
proto3.util.setEnumType(PhoneNumberType, "livekit.PhoneNumberType", [
  { no: 0, name: "PHONE_NUMBER_TYPE_UNKNOWN" },
  { no: 1, name: "PHONE_NUMBER_TYPE_MOBILE" },
  { no: 2, name: "PHONE_NUMBER_TYPE_LOCAL" },
  { no: 3, name: "PHONE_NUMBER_TYPE_TOLL_FREE" },
]);

const STRING = ScalarType.STRING;
const INT32 = ScalarType.INT32;

/** One number, in LiveKit's inventory or owned by the project. */
export interface PhoneNumber extends Message<PhoneNumber> {
  id: string;
  e164Format: string;
  countryCode: string;
  areaCode: string;
  numberType: PhoneNumberType;
  locality: string;
  region: string;
  spamScore: number;
  createdAt?: Timestamp;
  updatedAt?: Timestamp;
  capabilities: string[];
  status: PhoneNumberStatus;
  assignedAt?: Timestamp;
  releasedAt?: Timestamp;
  /** Deprecated by LiveKit in favour of `sipDispatchRuleIds`; still filled for older clients. */
  sipDispatchRuleId: string;
  sipDispatchRuleIds: string[];
}
export const PhoneNumber = proto3.makeMessageType<PhoneNumber>("livekit.PhoneNumber", () => [
  { no: 1, name: "id", kind: "scalar", T: STRING },
  { no: 2, name: "e164_format", kind: "scalar", T: STRING },
  { no: 3, name: "country_code", kind: "scalar", T: STRING },
  { no: 4, name: "area_code", kind: "scalar", T: STRING },
  { no: 5, name: "number_type", kind: "enum", T: proto3.getEnumType(PhoneNumberType) },
  { no: 6, name: "locality", kind: "scalar", T: STRING },
  { no: 7, name: "region", kind: "scalar", T: STRING },
  { no: 8, name: "spam_score", kind: "scalar", T: ScalarType.DOUBLE },
  { no: 9, name: "created_at", kind: "message", T: Timestamp },
  { no: 10, name: "updated_at", kind: "message", T: Timestamp },
  { no: 11, name: "capabilities", kind: "scalar", T: STRING, repeated: true },
  { no: 12, name: "status", kind: "enum", T: proto3.getEnumType(PhoneNumberStatus) },
  { no: 13, name: "assigned_at", kind: "message", T: Timestamp },
  { no: 14, name: "released_at", kind: "message", T: Timestamp },
  { no: 15, name: "sip_dispatch_rule_id", kind: "scalar", T: STRING },
  { no: 16, name: "sip_dispatch_rule_ids", kind: "scalar", T: STRING, repeated: true },
]);

export interface SearchPhoneNumbersRequest extends Message<SearchPhoneNumbersRequest> {
  countryCode: string;
  areaCode?: string;
  limit?: number;
  pageToken?: TokenPagination;
}
export const SearchPhoneNumbersRequest = proto3.makeMessageType<SearchPhoneNumbersRequest>("livekit.SearchPhoneNumbersRequest", () => [
  { no: 1, name: "country_code", kind: "scalar", T: STRING },
  { no: 2, name: "area_code", kind: "scalar", T: STRING, opt: true },
  { no: 3, name: "limit", kind: "scalar", T: INT32, opt: true },
  { no: 4, name: "page_token", kind: "message", T: TokenPagination, opt: true },
]);

export interface SearchPhoneNumbersResponse extends Message<SearchPhoneNumbersResponse> {
  items: PhoneNumber[];
  nextPageToken?: TokenPagination;
}
export const SearchPhoneNumbersResponse = proto3.makeMessageType<SearchPhoneNumbersResponse>("livekit.SearchPhoneNumbersResponse", () => [
  { no: 1, name: "items", kind: "message", T: PhoneNumber, repeated: true },
  { no: 2, name: "next_page_token", kind: "message", T: TokenPagination },
]);

export interface PurchasePhoneNumberRequest extends Message<PurchasePhoneNumberRequest> {
  phoneNumbers: string[];
  sipDispatchRuleId?: string;
}
export const PurchasePhoneNumberRequest = proto3.makeMessageType<PurchasePhoneNumberRequest>("livekit.PurchasePhoneNumberRequest", () => [
  { no: 1, name: "phone_numbers", kind: "scalar", T: STRING, repeated: true },
  { no: 2, name: "sip_dispatch_rule_id", kind: "scalar", T: STRING, opt: true },
]);

export interface PurchasePhoneNumberResponse extends Message<PurchasePhoneNumberResponse> {
  phoneNumbers: PhoneNumber[];
}
export const PurchasePhoneNumberResponse = proto3.makeMessageType<PurchasePhoneNumberResponse>("livekit.PurchasePhoneNumberResponse", () => [
  { no: 1, name: "phone_numbers", kind: "message", T: PhoneNumber, repeated: true },
]);

export interface ListPhoneNumbersRequest extends Message<ListPhoneNumbersRequest> {
  limit?: number;
  statuses: PhoneNumberStatus[];
  pageToken?: TokenPagination;
  sipDispatchRuleId?: string;
}
export const ListPhoneNumbersRequest = proto3.makeMessageType<ListPhoneNumbersRequest>("livekit.ListPhoneNumbersRequest", () => [
  { no: 1, name: "limit", kind: "scalar", T: INT32, opt: true },
  { no: 2, name: "statuses", kind: "enum", T: proto3.getEnumType(PhoneNumberStatus), repeated: true },
  { no: 3, name: "page_token", kind: "message", T: TokenPagination, opt: true },
  { no: 4, name: "sip_dispatch_rule_id", kind: "scalar", T: STRING, opt: true },
]);

export interface ListPhoneNumbersResponse extends Message<ListPhoneNumbersResponse> {
  items: PhoneNumber[];
  nextPageToken?: TokenPagination;
  totalCount: number;
  offlineCount: number;
}
export const ListPhoneNumbersResponse = proto3.makeMessageType<ListPhoneNumbersResponse>("livekit.ListPhoneNumbersResponse", () => [
  { no: 1, name: "items", kind: "message", T: PhoneNumber, repeated: true },
  { no: 2, name: "next_page_token", kind: "message", T: TokenPagination },
  { no: 3, name: "total_count", kind: "scalar", T: INT32 },
  { no: 4, name: "offline_count", kind: "scalar", T: INT32 },
]);

/** Get and Update name the number by `id` or by `phoneNumber` (E.164). */
export interface PhoneNumberLookup {
  id?: string;
  phoneNumber?: string;
}

export interface GetPhoneNumberRequest extends Message<GetPhoneNumberRequest>, PhoneNumberLookup {}
export const GetPhoneNumberRequest = proto3.makeMessageType<GetPhoneNumberRequest>("livekit.GetPhoneNumberRequest", () => [
  { no: 1, name: "id", kind: "scalar", T: STRING, opt: true },
  { no: 2, name: "phone_number", kind: "scalar", T: STRING, opt: true },
]);

export interface GetPhoneNumberResponse extends Message<GetPhoneNumberResponse> {
  phoneNumber?: PhoneNumber;
}
export const GetPhoneNumberResponse = proto3.makeMessageType<GetPhoneNumberResponse>("livekit.GetPhoneNumberResponse", () => [
  { no: 1, name: "phone_number", kind: "message", T: PhoneNumber },
]);

export interface UpdatePhoneNumberRequest extends Message<UpdatePhoneNumberRequest>, PhoneNumberLookup {
  sipDispatchRuleId?: string;
}
export const UpdatePhoneNumberRequest = proto3.makeMessageType<UpdatePhoneNumberRequest>("livekit.UpdatePhoneNumberRequest", () => [
  { no: 1, name: "id", kind: "scalar", T: STRING, opt: true },
  { no: 2, name: "phone_number", kind: "scalar", T: STRING, opt: true },
  { no: 3, name: "sip_dispatch_rule_id", kind: "scalar", T: STRING, opt: true },
]);

export interface UpdatePhoneNumberResponse extends Message<UpdatePhoneNumberResponse> {
  phoneNumber?: PhoneNumber;
}
export const UpdatePhoneNumberResponse = proto3.makeMessageType<UpdatePhoneNumberResponse>("livekit.UpdatePhoneNumberResponse", () => [
  { no: 1, name: "phone_number", kind: "message", T: PhoneNumber },
]);

export interface ReleasePhoneNumbersRequest extends Message<ReleasePhoneNumbersRequest> {
  ids: string[];
  phoneNumbers: string[];
}
export const ReleasePhoneNumbersRequest = proto3.makeMessageType<ReleasePhoneNumbersRequest>("livekit.ReleasePhoneNumbersRequest", () => [
  { no: 1, name: "ids", kind: "scalar", T: STRING, repeated: true },
  { no: 2, name: "phone_numbers", kind: "scalar", T: STRING, repeated: true },
]);

export type ReleasePhoneNumbersResponse = Message<ReleasePhoneNumbersResponse>;
export const ReleasePhoneNumbersResponse = proto3.makeMessageType<ReleasePhoneNumbersResponse>("livekit.ReleasePhoneNumbersResponse", []);
