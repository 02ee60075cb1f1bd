import { SIPDispatchRuleInfo, SIPInboundTrunkInfo } from "@livekit/protocol";
import type { SipApi, SipMethod, SipRequest, SipResponse } from "../../src/client/sipApi";
import { sipMethods } from "../../src/client/sipApi";
import { ListPhoneNumbersResponse, PhoneNumber } from "../../src/livekit/phoneNumberMessages";
import type { MessageJson } from "../../src/livekit/protobufJson";
import type { ObjectWire } from "../../src/schema/composite";
import { definitions } from "../../src/resources";

/**
 * LiveKit's calls are typed end to end: the method name picks the request body and the answer,
 * and each resource's schema sends what LiveKit's message takes. This file is the proof, checked
 * by the compiler (ts-jest fails a test file that does not type-check, and `tsc --noEmit` covers
 * it too): a `@ts-expect-error` that no longer finds an error, or an `Expect` that no longer
 * holds, fails the unit tier. The runtime tests check the types' claim about which fields
 * LiveKit's message classes always write.
 */

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
type IsAny<T> = 0 extends 1 & T ? true : false;

/** The keys a value of T always has. */
type RequiredKey<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/**
 * Keys of A, at any depth, that B does not have, as paths: what a schema would send that
 * LiveKit's message does not know (LiveKit refuses unknown fields). Free-form maps are skipped.
 */
type UnknownKeys<A, B, P extends string = ""> = A extends readonly (infer E)[]
  ? B extends readonly (infer F)[]
    ? UnknownKeys<E, F, P>
    : `${P}[]`
  : A extends object
    ? string extends keyof A
      ? never
      : { [K in keyof A & string]-?: K extends keyof B ? UnknownKeys<NonNullable<A[K]>, NonNullable<B[K]>, `${P}${K}.`> : `${P}${K}` }[keyof A & string]
    : never;

type TrunkJson = MessageJson<SIPInboundTrunkInfo>;
type RuleJson = MessageJson<SIPDispatchRuleInfo>;

export type ResponseTypes = [
  // Answers are neither `any` nor loose: the method name picks the message.
  Expect<Equal<IsAny<SipResponse<SipMethod>>, false>>,
  Expect<Equal<SipResponse<"CreateSIPInboundTrunk">, TrunkJson>>,
  Expect<Equal<SipResponse<"GetSIPInboundTrunk">, { trunk?: TrunkJson }>>,
  Expect<Equal<SipResponse<"ListSIPInboundTrunk">["items"], TrunkJson[]>>,
  // Scalars and repeated fields are always there; enums, durations and timestamps are strings.
  Expect<Equal<TrunkJson["numbers"], string[]>>,
  Expect<Equal<TrunkJson["krispEnabled"], boolean>>,
  Expect<Equal<TrunkJson["headers"], { [key: string]: string }>>,
  Expect<Equal<TrunkJson["includeHeaders"], string>>,
  Expect<Equal<TrunkJson["ringingTimeout"], string | undefined>>,
  Expect<Equal<TrunkJson["createdAt"], string | undefined>>,
  Expect<Equal<NonNullable<TrunkJson["media"]>["codecs"][number], { name: string; rate: number }>>,
  // A oneof is its chosen member under the member's name.
  Expect<Equal<NonNullable<NonNullable<RuleJson["rule"]>["dispatchRuleDirect"]>, { roomName: string; pin: string }>>,
  Expect<Equal<SipResponse<"UpdateSIPDispatchRule">, RuleJson>>,
  // The phone-number service, declared in this package, is typed the same way.
  Expect<Equal<SipResponse<"ListPhoneNumbers">["items"][number]["status"], string>>,
  Expect<Equal<SipResponse<"ListPhoneNumbers">["totalCount"], number>>,
  Expect<Equal<SipResponse<"GetPhoneNumber">["phoneNumber"], MessageJson<PhoneNumber> | undefined>>,
  Expect<Equal<SipResponse<"ReleasePhoneNumbers">, {}>>,
];

export type RequestTypes = [
  Expect<Equal<SipRequest<"DeleteSIPTrunk">, { sipTrunkId?: string }>>,
  // An update's `replace` is the whole trunk, as a create's `trunk` is.
  Expect<Equal<SipRequest<"UpdateSIPInboundTrunk">["replace"], TrunkInput | undefined>>,
  Expect<Equal<SipRequest<"ListPhoneNumbers">["statuses"], string[] | undefined>>,
];

type Schema<T extends keyof typeof definitions> = ObjectWire<(typeof definitions)[T]["schema"]["fields"]>;
type TrunkInput = NonNullable<SipRequest<"CreateSIPInboundTrunk">["trunk"]>;
type OutboundInput = NonNullable<SipRequest<"CreateSIPOutboundTrunk">["trunk"]>;
type RuleInput = NonNullable<SipRequest<"CreateSIPDispatchRule">["dispatchRule"]>;
type KeysOfEach<T> = T extends object ? keyof T : never;

export type SchemasSendLiveKitMessages = [
  // What each schema sends is its LiveKit message's JSON: the right types...
  Expect<Schema<"InboundTrunk"> extends TrunkInput ? true : false>,
  Expect<Schema<"OutboundTrunk"> extends OutboundInput ? true : false>,
  Expect<Schema<"DispatchRule"> extends RuleInput ? true : false>,
  // ...a rule's variant under its oneof member's name...
  Expect<Equal<KeysOfEach<Schema<"DispatchRule">["rule"]>, "dispatchRuleDirect" | "dispatchRuleIndividual" | "dispatchRuleCallee">>,
  // ...and, at every depth, no field the message does not have.
  Expect<Equal<UnknownKeys<Schema<"InboundTrunk">, TrunkInput>, never>>,
  Expect<Equal<UnknownKeys<Schema<"OutboundTrunk">, OutboundInput>, never>>,
  Expect<Equal<UnknownKeys<Schema<"DispatchRule">, RuleInput>, never>>,
  // The checks above would see a schema field LiveKit does not have.
  Expect<Equal<UnknownKeys<{ name: string; media: { codecz: [] } }, TrunkInput>, "media.codecz">>,
];

/** Never called: the compiler checks each call. */
export async function wrongCalls(api: SipApi): Promise<void> {
  // @ts-expect-error LiveKit has no such method.
  await api.call("CreateSIPTrunk", {});
  // @ts-expect-error The request has no `trunkId` (it is `sipTrunkId`).
  await api.call("GetSIPInboundTrunk", { trunkId: "ST_1" });
  // @ts-expect-error A list of IDs, not one.
  await api.call("ListSIPDispatchRule", { dispatchRuleIds: "SDR_1" });
  // @ts-expect-error A duration is a string in protobuf JSON ("30s").
  await api.call("CreateSIPInboundTrunk", { trunk: { ringingTimeout: 30 } });
  // @ts-expect-error A dispatch rule is created from `dispatchRule`, not `trunk`.
  await api.call("CreateSIPDispatchRule", { trunk: { name: "x" } });
  // @ts-expect-error A oneof member takes its own message: `dispatchRuleDirect` has no `roomPrefix`.
  await api.call("CreateSIPDispatchRule", { dispatchRule: { rule: { dispatchRuleDirect: { roomPrefix: "call" } } } });
  // @ts-expect-error An update answers with the trunk itself, which has no `trunk`.
  void (await api.call("UpdateSIPInboundTrunk", { sipTrunkId: "ST_1" })).trunk;
  // @ts-expect-error A list answers with `items`, not `trunks`.
  void (await api.call("ListSIPOutboundTrunk", {})).trunks;
  const { items } = await api.call("ListSIPDispatchRule", {});
  // @ts-expect-error `trunkIds` is a list.
  items[0].trunkIds.toUpperCase();
}

/** Which keys LiveKit's message classes write with defaults emitted; the types say the same keys are always there. */
const alwaysWritten: { [M in "CreateSIPInboundTrunk" | "CreateSIPDispatchRule" | "ListSIPInboundTrunk" | "ListPhoneNumbers"]: Record<RequiredKey<SipResponse<M>>, true> } = {
  CreateSIPInboundTrunk: {
    sipTrunkId: true,
    name: true,
    metadata: true,
    numbers: true,
    allowedAddresses: true,
    allowedNumbers: true,
    authUsername: true,
    authPassword: true,
    authRealm: true,
    headers: true,
    headersToAttributes: true,
    attributesToHeaders: true,
    includeHeaders: true,
    krispEnabled: true,
    mediaEncryption: true,
  },
  CreateSIPDispatchRule: {
    sipDispatchRuleId: true,
    trunkIds: true,
    hidePhoneNumber: true,
    inboundNumbers: true,
    numbers: true,
    name: true,
    metadata: true,
    attributes: true,
    roomPreset: true,
    krispEnabled: true,
    mediaEncryption: true,
  },
  ListSIPInboundTrunk: { items: true },
  ListPhoneNumbers: { items: true, totalCount: true, offlineCount: true },
};

const phoneNumberAlwaysWritten: Record<RequiredKey<MessageJson<PhoneNumber>>, true> = {
  id: true,
  e164Format: true,
  countryCode: true,
  areaCode: true,
  numberType: true,
  locality: true,
  region: true,
  spamScore: true,
  capabilities: true,
  status: true,
  sipDispatchRuleId: true,
  sipDispatchRuleIds: true,
};

const written = (message: { toJson(options: { emitDefaultValues: boolean }): unknown }) =>
  Object.keys(message.toJson({ emitDefaultValues: true }) as object).sort();

describe("the JSON types of LiveKit's messages", () => {
  it.each(Object.entries(alwaysWritten))("name exactly the fields %s's answer always holds", (method, keys) => {
    const [, Response] = sipMethods[method as keyof typeof alwaysWritten];
    expect(written(new Response())).toEqual(Object.keys(keys).sort());
  });

  it("name exactly the fields a phone number always holds", () => {
    expect(written(new PhoneNumber())).toEqual(Object.keys(phoneNumberAlwaysWritten).sort());
  });

  it("write every other field only when it is set", () => {
    const trunk = SIPInboundTrunkInfo.fromJson({ ringingTimeout: "30s", createdAt: "2024-01-01T00:00:00Z", media: {} });
    expect(Object.keys(trunk.toJson({ emitDefaultValues: true }) as object)).toEqual(expect.arrayContaining(["ringingTimeout", "createdAt", "media"]));
    const rule = SIPDispatchRuleInfo.fromJson({ rule: { dispatchRuleDirect: { roomName: "lobby" } } });
    expect(rule.toJson({ emitDefaultValues: true })).toMatchObject({ rule: { dispatchRuleDirect: { roomName: "lobby", pin: "" } } });
    const numbers = ListPhoneNumbersResponse.fromJson({ nextPageToken: { token: "t" } });
    expect(numbers.toJson({ emitDefaultValues: true })).toMatchObject({ nextPageToken: { token: "t" } });
  });
});
