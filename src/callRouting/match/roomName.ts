import type { RuleVariant } from "./ruleVariant";

/**
 * The room a dispatch rule sends a call to (protocol `sip/sip.go` `EvaluateDispatchRule`):
 * direct rules name it; individual rules build `[prefix_]<caller>[_<random>]`, callee rules
 * `[prefix_]<called>[_<random>]`. LiveKit always inserts `_` after a non-empty prefix, so a
 * prefix that already ends in `_` or `-` gives `call-_…`.
 *
 * `caller`, `called` and `random` are whatever the caller of this function wants shown: the real
 * values when simulating a call, placeholders such as `<caller>` when describing a pattern.
 */
export interface RoomNameParts {
  /** The From user, or its masked form when the rule hides phone numbers. */
  readonly caller: string;
  readonly called: string;
  /** Stands for LiveKit's 12-character random suffix, which cannot be predicted. */
  readonly random: string;
}

export function roomNameFor(variant: RuleVariant, parts: RoomNameParts): string {
  if (variant.kind === "dispatchRuleDirect") return variant.room;
  const base = variant.kind === "dispatchRuleIndividual" ? parts.caller : parts.called;
  const prefixed = variant.room === "" ? base : `${variant.room}_${base}`;
  return variant.randomSuffix ? `${prefixed}_${parts.random}` : prefixed;
}
