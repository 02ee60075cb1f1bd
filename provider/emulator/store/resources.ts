import type { MessageType } from "@bufbuild/protobuf";
import { SIPDispatchRuleInfo, SIPInboundTrunkInfo, SIPOutboundTrunkInfo } from "@livekit/protocol";

/** The three stored resource kinds. Inbound and outbound trunks share the `ST_` ID space. */
export type ResourceKind = "inboundTrunk" | "outboundTrunk" | "dispatchRule";

export interface Resources {
  inboundTrunk: SIPInboundTrunkInfo;
  outboundTrunk: SIPOutboundTrunkInfo;
  dispatchRule: SIPDispatchRuleInfo;
}

export type Resource = Resources[ResourceKind];

export const RESOURCE_KINDS: readonly ResourceKind[] = ["inboundTrunk", "outboundTrunk", "dispatchRule"];

export const RESOURCE_TYPES: {
  readonly inboundTrunk: MessageType<SIPInboundTrunkInfo>;
  readonly outboundTrunk: MessageType<SIPOutboundTrunkInfo>;
  readonly dispatchRule: MessageType<SIPDispatchRuleInfo>;
} = {
  inboundTrunk: SIPInboundTrunkInfo,
  outboundTrunk: SIPOutboundTrunkInfo,
  dispatchRule: SIPDispatchRuleInfo,
};

export const resourceId = (resource: Resource): string =>
  resource instanceof SIPDispatchRuleInfo ? resource.sipDispatchRuleId : resource.sipTrunkId;
