import { dispatchRulePinAndRoom } from "./dispatchRule";
import { goQuote } from "./goQuote";
import { printId } from "./inboundTrunkConflicts";
import { normalizeNumber } from "./numbers";
import { GoError, TwirpError } from "./twirp";
import type { DispatchRuleLike } from "./types";

/**
 * Conflicts between dispatch rules, as `sip.DispatchRuleValidator` finds them (protocol `sip/sip.go`).
 *
 * Each rule claims every key `(pin, trunk, normalised caller, normalised callee)` over its
 * `trunk_ids` × `inbound_numbers` × `numbers` (an empty list counts as the single value `""`).
 * A key claimed before, by any rule including the same one, is a conflict: unlike trunks, rules
 * are not compared by ID, so a rule listing a trunk twice conflicts with itself. The rule kind and
 * room are not part of the key.
 */

export type DispatchRuleProblem<T> =
  | { readonly kind: "conflict"; readonly rule: T; readonly existing: T; readonly error: TwirpError }
  /** A rule whose oneof is empty; LiveKit raises it as a psrpc error while walking. */
  | { readonly kind: "unsupportedRule"; readonly rule: T; readonly error: GoError };

const orWildcard = (values: readonly string[] | undefined) => (values === undefined || values.length === 0 ? [""] : values);

const printName = (name: string | undefined) => (name ? name : "<blank name>");

export function dispatchRuleKeys(rule: DispatchRuleLike, pin: string): string[] {
  const keys: string[] = [];
  for (const trunk of orWildcard(rule.trunkIds)) {
    for (const inbound of orWildcard(rule.inboundNumbers)) {
      for (const number of orWildcard(rule.numbers)) {
        keys.push(JSON.stringify([pin, trunk, normalizeNumber(inbound), normalizeNumber(number)]));
      }
    }
  }
  return keys;
}

function conflictError(existing: DispatchRuleLike): TwirpError {
  return new TwirpError(
    "invalid_argument",
    "Dispatch rule for the same trunk, inbound number, number, and PIN combination already exists in dispatch rule " +
      `${goQuote(printId(existing.sipDispatchRuleId))} ${goQuote(printName(existing.name))}`,
  );
}

/** The first problem met while walking `rules` in the given order, if any. */
export function findDispatchRuleConflict<T extends DispatchRuleLike>(rules: Iterable<T>): DispatchRuleProblem<T> | undefined {
  const claimed = new Map<string, T>();
  for (const rule of rules) {
    const pinAndRoom = dispatchRulePinAndRoom(rule.rule);
    if (pinAndRoom instanceof GoError) return { kind: "unsupportedRule", rule, error: pinAndRoom };
    for (const key of dispatchRuleKeys(rule, pinAndRoom.pin)) {
      const existing = claimed.get(key);
      if (existing !== undefined) return { kind: "conflict", rule, existing, error: conflictError(existing) };
      claimed.set(key, rule);
    }
  }
  return undefined;
}
