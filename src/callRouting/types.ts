/**
 * The LiveKit objects the routing engine reads, in camelCase protobuf-JSON form
 * (`SIPInboundTrunkInfo.toJson()`, `SIPDispatchRuleInfo.toJson()`). Every field is optional and a
 * missing one means the protobuf default, so partial desired state works as well as API answers.
 * IDs are opaque: a logical placeholder such as `"trunk:main"` routes exactly like `ST_…`.
 */
import type { DispatchRuleLike, DispatchRuleVariantLike, DurationLike, InboundTrunkLike, OutboundTrunkLike, StringMap } from "../livekit/types";

/** `SIPMediaEncryption`: the JSON enum name, or the number a protobuf-es instance carries. */
export type MediaEncryptionValue = "SIP_MEDIA_ENCRYPT_DISABLE" | "SIP_MEDIA_ENCRYPT_ALLOW" | "SIP_MEDIA_ENCRYPT_REQUIRE" | 0 | 1 | 2;

export interface RoutingCodec {
  readonly name?: string;
  readonly rate?: number;
}

export interface RoutingMedia {
  readonly onlyListedCodecs?: boolean;
  readonly codecs?: readonly RoutingCodec[];
  readonly encryption?: MediaEncryptionValue;
  readonly mediaTimeout?: DurationLike;
}

export interface RoutingTrunk extends InboundTrunkLike {
  readonly name?: string;
  readonly authRealm?: string;
  readonly krispEnabled?: boolean;
  /** Deprecated top-level field; LiveKit folds it into `media.encryption` (`Upgrade`). */
  readonly mediaEncryption?: MediaEncryptionValue;
  readonly media?: RoutingMedia;
}

export interface RoutingAgent {
  readonly agentName?: string;
}

export interface RoutingRoomConfig {
  readonly name?: string;
  readonly agents?: readonly RoutingAgent[];
}

export interface RoutingDirectRule {
  readonly roomName?: string;
  readonly pin?: string;
}

export interface RoutingIndividualRule {
  readonly roomPrefix?: string;
  readonly pin?: string;
  readonly noRandomness?: boolean;
}

export interface RoutingCalleeRule {
  readonly roomPrefix?: string;
  readonly pin?: string;
  readonly randomize?: boolean;
}

/** `SIPDispatchRule`: one of the three variants (JSON form, or the protobuf-es oneof). */
export interface RoutingRuleVariant extends DispatchRuleVariantLike {
  readonly dispatchRuleDirect?: RoutingDirectRule;
  readonly dispatchRuleIndividual?: RoutingIndividualRule;
  readonly dispatchRuleCallee?: RoutingCalleeRule;
}

export interface RoutingRule extends DispatchRuleLike {
  readonly rule?: RoutingRuleVariant;
  readonly hidePhoneNumber?: boolean;
  readonly attributes?: StringMap;
  readonly metadata?: string;
  readonly roomPreset?: string;
  readonly roomConfig?: RoutingRoomConfig;
  readonly krispEnabled?: boolean;
  readonly mediaEncryption?: MediaEncryptionValue;
  readonly media?: RoutingMedia;
}

/** A LiveKit Phone Number (`PhoneNumber.toJson()`): calls to it go straight to its rules. */
export interface RoutingPhoneNumber {
  readonly id?: string;
  readonly e164Format?: string;
  readonly sipDispatchRuleIds?: readonly string[];
  /** Deprecated by LiveKit for `sipDispatchRuleIds`; read when the list is empty. */
  readonly sipDispatchRuleId?: string;
  /** `PHONE_NUMBER_STATUS_…`; released numbers no longer route. */
  readonly status?: string;
}

/** One revision of a project's inbound routing. Outbound trunks play no part in it. */
/** `SIPOutboundTrunkInfo` as far as a review compares it: where and how agents' calls go out. */
export interface RoutingOutboundTrunk extends OutboundTrunkLike {
  readonly name?: string;
  /** `SIPTransport` JSON name, e.g. `SIP_TRANSPORT_TLS`; unset is `SIP_TRANSPORT_AUTO`. */
  readonly transport?: string;
  readonly authUsername?: string;
  readonly authPassword?: string;
  readonly mediaEncryption?: MediaEncryptionValue;
  readonly media?: RoutingMedia;
}

export interface RoutingConfig {
  readonly trunks: readonly RoutingTrunk[];
  readonly rules: readonly RoutingRule[];
  /** Numbers bought from LiveKit, whose calls skip the trunks. */
  readonly livekitNumbers?: readonly RoutingPhoneNumber[];
  /** Outbound trunks play no part in inbound routing; the diff reviews them for agents' outgoing calls. */
  readonly outboundTrunks?: readonly RoutingOutboundTrunk[];
}
