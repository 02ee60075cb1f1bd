import type { MessageType } from "@bufbuild/protobuf";
import { SIPDispatchRuleInfo, SIPInboundTrunkInfo, SIPOutboundTrunkInfo } from "@livekit/protocol";
import { PhoneNumber } from "../../livekit/phoneNumberMessages";

/** The stored resource kinds. Inbound and outbound trunks share the `ST_` ID space. */
export type ResourceKind = "inboundTrunk" | "outboundTrunk" | "dispatchRule" | "phoneNumber";

export interface Resources {
  inboundTrunk: SIPInboundTrunkInfo;
  outboundTrunk: SIPOutboundTrunkInfo;
  dispatchRule: SIPDispatchRuleInfo;
  /** Bought numbers, released ones included (LiveKit keeps them with `released_at`). */
  phoneNumber: PhoneNumber;
}

export type Resource = Resources[ResourceKind];

/** One stored resource written (`value`) or deleted (no `value`). */
export interface StoreChange {
  readonly kind: ResourceKind;
  readonly id: string;
  readonly value?: Resource;
}

export const RESOURCE_KINDS: readonly ResourceKind[] = ["inboundTrunk", "outboundTrunk", "dispatchRule", "phoneNumber"];

/** One value per kind: a map per kind, a state-file section per kind. */
export const perKind = <T>(make: (kind: ResourceKind) => T): Record<ResourceKind, T> =>
  Object.fromEntries(RESOURCE_KINDS.map((kind) => [kind, make(kind)])) as Record<ResourceKind, T>;

export const RESOURCE_TYPES: {
  readonly inboundTrunk: MessageType<SIPInboundTrunkInfo>;
  readonly outboundTrunk: MessageType<SIPOutboundTrunkInfo>;
  readonly dispatchRule: MessageType<SIPDispatchRuleInfo>;
  readonly phoneNumber: MessageType<PhoneNumber>;
} = {
  inboundTrunk: SIPInboundTrunkInfo,
  outboundTrunk: SIPOutboundTrunkInfo,
  dispatchRule: SIPDispatchRuleInfo,
  phoneNumber: PhoneNumber,
};

export function resourceId(resource: Resource): string {
  if (resource instanceof SIPDispatchRuleInfo) return resource.sipDispatchRuleId;
  return "sipTrunkId" in resource ? resource.sipTrunkId : resource.id;
}
