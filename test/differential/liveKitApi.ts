import type { Message } from "@bufbuild/protobuf";
import {
  SIPDispatchRuleInfo,
  SIPInboundTrunkInfo,
  SIPOutboundTrunkInfo,
  UpdateSIPDispatchRuleRequest,
  UpdateSIPInboundTrunkRequest,
  UpdateSIPOutboundTrunkRequest,
} from "@livekit/protocol";
import type { ResourceKind } from "../../src/emulator";
import { rpc } from "../emulator/support/rpc";

/** A whole-object replace through the API, carrying the edited fields. */
function replaceRequest(kind: ResourceKind, edited: Record<string, unknown>): [string, Message] {
  const options = { ignoreUnknownFields: true };
  switch (kind) {
    case "inboundTrunk":
      return ["UpdateSIPInboundTrunk", new UpdateSIPInboundTrunkRequest({ sipTrunkId: String(edited.sip_trunk_id), action: { case: "replace", value: SIPInboundTrunkInfo.fromJson(edited as never, options) } })];
    case "outboundTrunk":
      return ["UpdateSIPOutboundTrunk", new UpdateSIPOutboundTrunkRequest({ sipTrunkId: String(edited.sip_trunk_id), action: { case: "replace", value: SIPOutboundTrunkInfo.fromJson(edited as never, options) } })];
    case "dispatchRule":
      return [
        "UpdateSIPDispatchRule",
        new UpdateSIPDispatchRuleRequest({ sipDispatchRuleId: String(edited.sip_dispatch_rule_id), action: { case: "replace", value: SIPDispatchRuleInfo.fromJson(edited as never, options) } }),
      ];
    default:
      throw new Error(`no ${kind} on LiveKit's open-source server`);
  }
}

/**
 * Replaces an object (LiveKit's snake_case JSON) through the API at `url`: against the differential
 * proxy, LiveKit and the emulator both get the edit, as the dashboard's would reach LiveKit.
 */
export async function replaceThroughApi(url: string, kind: ResourceKind, object: Record<string, unknown>): Promise<void> {
  const [method, request] = replaceRequest(kind, object);
  const res = await rpc(url, method, request, "json-snake");
  if (res.status !== 200) throw new Error(`${method} failed: ${res.text}`);
}
