/**
 * Structural shapes the helpers in this directory read. Both protobuf-es message instances from
 * `@livekit/protocol` and plain camelCase protobuf-JSON objects satisfy them, so the same rules
 * can run on API responses, on desired state before any call, and inside the emulator.
 */

export type StringList = readonly string[];
export type StringMap = Readonly<Record<string, string>>;

/** A `google.protobuf.Duration`: a protobuf-es instance or its JSON form such as `"30s"`. */
export type DurationLike = string | { readonly seconds: bigint | number | string; readonly nanos?: number };

export interface CodecLike {
  readonly name?: string;
}

export interface MediaConfigLike {
  readonly codecs?: readonly CodecLike[];
  readonly mediaTimeout?: DurationLike;
}

interface HeaderMapsLike {
  readonly headers?: StringMap;
  readonly headersToAttributes?: StringMap;
  readonly attributesToHeaders?: StringMap;
  readonly media?: MediaConfigLike;
}

export interface InboundTrunkLike extends HeaderMapsLike {
  readonly sipTrunkId?: string;
  readonly numbers?: StringList;
  readonly allowedAddresses?: StringList;
  readonly allowedNumbers?: StringList;
  readonly authUsername?: string;
  readonly authPassword?: string;
}

export interface OutboundTrunkLike extends HeaderMapsLike {
  readonly sipTrunkId?: string;
  readonly numbers?: StringList;
  readonly address?: string;
  readonly fromHost?: string;
}

interface RuleVariantLike {
  readonly pin?: string;
  readonly roomName?: string;
  readonly roomPrefix?: string;
}

/**
 * `SIPDispatchRule`: either the protobuf-es oneof (`{ rule: { case, value } }`) or the JSON form
 * (`{ dispatchRuleDirect: {…} }`).
 */
export interface DispatchRuleVariantLike {
  readonly rule?: { readonly case?: string; readonly value?: RuleVariantLike };
  readonly dispatchRuleDirect?: RuleVariantLike;
  readonly dispatchRuleIndividual?: RuleVariantLike;
  readonly dispatchRuleCallee?: RuleVariantLike;
}

export interface DispatchRuleLike {
  readonly sipDispatchRuleId?: string;
  readonly name?: string;
  readonly trunkIds?: StringList;
  readonly inboundNumbers?: StringList;
  readonly numbers?: StringList;
  readonly rule?: DispatchRuleVariantLike;
  readonly media?: MediaConfigLike;
}

export interface ListUpdateLike {
  readonly set?: StringList;
  readonly add?: StringList;
  readonly remove?: StringList;
  readonly clear?: boolean;
}
