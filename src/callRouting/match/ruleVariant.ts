import { dispatchRulePinAndRoom, type DispatchRuleKind } from "../../livekit/dispatchRule";
import { GoError } from "../../livekit/twirp";
import type { RoutingRuleVariant } from "../types";

/** What a dispatch rule does with a call: its kind, room (name or prefix), pin and random suffix. */
export interface RuleVariant {
  readonly kind: DispatchRuleKind;
  /** `room_name` for direct rules, `room_prefix` otherwise. */
  readonly room: string;
  readonly pin: string;
  /** Individual rules add one unless `no_randomness`; callee rules only with `randomize`. */
  readonly randomSuffix: boolean;
}

/** The variant's own fields; a protobuf-es instance keeps them in the `rule` oneof. */
function variantValue<K extends DispatchRuleKind>(rule: RoutingRuleVariant | undefined, kind: K): RoutingRuleVariant[K] {
  const oneof = rule?.rule;
  return oneof?.case === kind ? (oneof.value as RoutingRuleVariant[K]) : rule?.[kind];
}

function hasRandomSuffix(rule: RoutingRuleVariant | undefined, kind: DispatchRuleKind): boolean {
  if (kind === "dispatchRuleIndividual") return variantValue(rule, kind)?.noRandomness !== true;
  if (kind === "dispatchRuleCallee") return variantValue(rule, kind)?.randomize === true;
  return false;
}

/** The rule's variant, or LiveKit's error for a rule without one (`GetPinAndRoom`). */
export function ruleVariant(rule: RoutingRuleVariant | undefined): RuleVariant | GoError {
  const pinAndRoom = dispatchRulePinAndRoom(rule);
  if (pinAndRoom instanceof GoError) return pinAndRoom;
  return { ...pinAndRoom, randomSuffix: hasRandomSuffix(rule, pinAndRoom.kind) };
}

/** The rule's pin, `""` for open rules and rules without a variant. */
export function rulePin(rule: RoutingRuleVariant | undefined): string {
  const variant = ruleVariant(rule);
  return variant instanceof GoError ? "" : variant.pin;
}
