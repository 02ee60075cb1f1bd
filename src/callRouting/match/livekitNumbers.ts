import { sameNumber } from "../../livekit/numbers";
import type { ObjectRef } from "../refs";
import type { RoutingConfig, RoutingPhoneNumber, RoutingRule } from "../types";

/**
 * LiveKit Phone Numbers: a call to one skips trunk selection entirely and goes to the dispatch
 * rules assigned to the number. Rules are still chosen among those with LiveKit's filters (caller,
 * called number, pin) and priorities, but no trunk carries the call, so a rule naming trunks never
 * applies to it.
 */

/** The rules assigned to a number: the current list, or the deprecated single field. */
export function assignedRuleIds(number: RoutingPhoneNumber): string[] {
  const ids = number.sipDispatchRuleIds ?? [];
  if (ids.length > 0) return [...ids];
  return number.sipDispatchRuleId ? [number.sipDispatchRuleId] : [];
}

/** The LiveKit number a call is made to, if the called number is one the project owns. */
export function livekitNumberFor(config: RoutingConfig, calledNumber: string): RoutingPhoneNumber | undefined {
  return (config.livekitNumbers ?? []).find((n) => n.status !== "PHONE_NUMBER_STATUS_RELEASED" && sameNumber(n.e164Format ?? "", calledNumber));
}

/** The assigned rules the configuration has; IDs it does not have route nowhere. */
export const assignedRules = (config: RoutingConfig, number: RoutingPhoneNumber): RoutingRule[] => {
  const ids = assignedRuleIds(number);
  return config.rules.filter((r) => ids.includes(r.sipDispatchRuleId ?? ""));
};

export const numberRef = (number: RoutingPhoneNumber): ObjectRef => ({ id: number.id ?? "", name: number.e164Format ?? "" });
