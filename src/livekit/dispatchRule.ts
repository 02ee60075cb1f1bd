import { validateMediaConfig } from "./media";
import { GoError } from "./twirp";
import type { DispatchRuleLike, DispatchRuleVariantLike } from "./types";

/** The three dispatch-rule kinds, named as the protobuf-es oneof cases. */
export type DispatchRuleKind = "dispatchRuleDirect" | "dispatchRuleIndividual" | "dispatchRuleCallee";

const KINDS: readonly DispatchRuleKind[] = ["dispatchRuleDirect", "dispatchRuleIndividual", "dispatchRuleCallee"];

export interface PinAndRoom {
  readonly kind: DispatchRuleKind;
  /** `room_name` for direct rules, `room_prefix` otherwise. */
  readonly room: string;
  readonly pin: string;
}

/**
 * `sip.GetPinAndRoom`: the rule's kind, room and pin, or LiveKit's psrpc error for a rule whose
 * oneof is empty (`"rule": {}`), which Go prints with `%T` of a nil interface.
 */
export function dispatchRulePinAndRoom(rule: DispatchRuleVariantLike | undefined): PinAndRoom | GoError {
  const oneofCase = rule?.rule?.case;
  if (oneofCase !== undefined && (KINDS as readonly string[]).includes(oneofCase)) {
    return variant(oneofCase as DispatchRuleKind, rule?.rule?.value);
  }
  for (const kind of KINDS) {
    const value = rule?.[kind];
    if (value != null) return variant(kind, value);
  }
  return GoError.psrpc("invalid_argument", "unsupported SIP Dispatch Rule: <nil>");
}

function variant(kind: DispatchRuleKind, value: { pin?: string; roomName?: string; roomPrefix?: string } | undefined) {
  const room = kind === "dispatchRuleDirect" ? value?.roomName : value?.roomPrefix;
  return { kind, room: room ?? "", pin: value?.pin ?? "" };
}

/**
 * `SIPDispatchRuleInfo.Validate`: only presence of the rule and the media config. Room names,
 * prefixes, pins, trunk IDs and numbers are not checked by LiveKit.
 */
export function validateDispatchRule(rule: DispatchRuleLike): GoError | undefined {
  if (rule.rule == null) return GoError.plain("missing rule");
  return validateMediaConfig(rule.media);
}
