import { GoError, TwirpError, type LiveKitError } from "../../livekit/twirp";
import { callerIdentity } from "./callerIdentity";
import { mergeMedia, type EffectiveMedia } from "./mediaMerge";
import { roomNameFor } from "./roomName";
import { ruleVariant } from "./ruleVariant";
import type { RoutingRoomConfig, RoutingRule, RoutingTrunk } from "../types";

/**
 * What LiveKit answers once a dispatch rule is chosen (protocol `sip/sip.go`
 * `EvaluateDispatchRule`, livekit `EvaluateSIPDispatchRules`).
 */

export interface EvaluationCall {
  readonly callerNumber: string;
  readonly callerHost: string;
  readonly calledNumber: string;
  readonly pin: string;
  readonly callId: string;
  /** Shown instead of LiveKit's random room suffix. */
  readonly randomSuffix: string;
}

/** Everything that does not depend on the pin: LiveKit returns media even with REQUEST_PIN. */
interface CommonEvaluation {
  readonly media: EffectiveMedia;
  /** `KRISP_ENABLED` is requested when the trunk or the rule enables it. */
  readonly krisp: boolean;
}

export interface PinRequest extends CommonEvaluation {
  readonly result: "request-pin";
}

/** Where the caller ends up and how they appear there. */
export interface RoomDetails {
  readonly roomName: string;
  readonly participantIdentity: string;
  readonly participantName: string;
  readonly participantMetadata: string;
  readonly participantAttributes: Readonly<Record<string, string>>;
  /** Agent names from the rule's room_config, dispatched when the room is created. */
  readonly agents: readonly string[];
  readonly roomPreset: string;
  readonly roomConfig?: RoutingRoomConfig;
}

export interface RoomAssignment extends CommonEvaluation {
  readonly result: "room";
  readonly room: RoomDetails;
}

export type Evaluation = PinRequest | RoomAssignment;

/** livekit `attrs.go`: LiveKit sets these after the rule's own attributes, overriding same-named ones. */
export const SIP_ATTRIBUTES = {
  callId: "sip.callID",
  trunkId: "sip.trunkID",
  ruleId: "sip.ruleID",
  phoneNumber: "sip.phoneNumber",
  hostname: "sip.hostname",
  trunkPhoneNumber: "sip.trunkPhoneNumber",
} as const;

export const agentNames = (rule: RoutingRule): string[] => (rule.roomConfig?.agents ?? []).map((a) => a.agentName ?? "");

function attributesFor(trunk: RoutingTrunk | undefined, rule: RoutingRule, call: EvaluationCall): Record<string, string> {
  const attributes: Record<string, string> = { ...rule.attributes };
  attributes[SIP_ATTRIBUTES.callId] = call.callId;
  attributes[SIP_ATTRIBUTES.trunkId] = trunk?.sipTrunkId ?? "";
  if (rule.hidePhoneNumber !== true) {
    attributes[SIP_ATTRIBUTES.phoneNumber] = call.callerNumber;
    attributes[SIP_ATTRIBUTES.hostname] = call.callerHost;
    attributes[SIP_ATTRIBUTES.trunkPhoneNumber] = call.calledNumber;
  }
  attributes[SIP_ATTRIBUTES.ruleId] = rule.sipDispatchRuleId ?? "";
  return attributes;
}

export function evaluateDispatchRule(trunk: RoutingTrunk | undefined, rule: RoutingRule, call: EvaluationCall): Evaluation | LiveKitError {
  // LiveKit masks the number before it looks at the pin, so this failure comes first.
  const caller = callerIdentity(call.callerNumber, rule.hidePhoneNumber === true);
  if (caller === undefined) return GoError.plain("runtime error: slice bounds out of range [-1:]");
  const variant = ruleVariant(rule.rule);
  if (variant instanceof GoError) return variant;
  const common = { media: mergeMedia(trunk, rule), krisp: trunk?.krispEnabled === true || rule.krispEnabled === true };

  if (variant.pin !== "" && call.pin === "") return { result: "request-pin", ...common };
  // Unreachable after rule matching, which drops rules with another pin; kept for direct use.
  if (variant.pin !== "" && variant.pin !== call.pin) return new TwirpError("permission_denied", "Incorrect PIN for SIP room");

  return {
    result: "room",
    ...common,
    room: {
      roomName: roomNameFor(variant, { caller: caller.shownNumber, called: call.calledNumber, random: call.randomSuffix }),
      participantIdentity: caller.identity,
      participantName: caller.name,
      participantMetadata: rule.metadata ?? "",
      participantAttributes: attributesFor(trunk, rule, call),
      agents: agentNames(rule),
      roomPreset: rule.roomPreset ?? "",
      ...(rule.roomConfig === undefined ? {} : { roomConfig: rule.roomConfig }),
    },
  };
}
