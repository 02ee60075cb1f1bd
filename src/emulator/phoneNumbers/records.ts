import type { Timestamp } from "@bufbuild/protobuf";
import { areaCodeOf, countryOf, numberTypeOf } from "../../livekit/phoneNumberFacts";
import { PhoneNumber, PhoneNumberStatus } from "../../livekit/phoneNumberMessages";

/** Every number is sold for voice only: the emulator has no messaging. */
const CAPABILITIES = ["voice"];

/** A number as search results describe it: everything LiveKit derives from the number itself. */
export const inventoryItem = (e164: string): PhoneNumber =>
  new PhoneNumber({
    e164Format: e164,
    countryCode: countryOf(e164) ?? "",
    areaCode: areaCodeOf(e164),
    numberType: numberTypeOf(e164),
    capabilities: [...CAPABILITIES],
  });

/**
 * The number with `ruleId` assigned ("" unassigns). The status follows: a number with a rule is
 * active, one without is offline, and one still being provisioned stays pending.
 */
export function withRule(stored: PhoneNumber, ruleId: string, now: Timestamp): PhoneNumber {
  const number = stored.clone();
  number.sipDispatchRuleId = ruleId;
  number.sipDispatchRuleIds = ruleId === "" ? [] : [ruleId];
  number.assignedAt = ruleId === "" ? undefined : now.clone();
  if (number.status !== PhoneNumberStatus.PENDING) number.status = ruleId === "" ? PhoneNumberStatus.OFFLINE : PhoneNumberStatus.ACTIVE;
  number.updatedAt = now.clone();
  return number;
}

/** A bought number, owned by the project from `now`. */
export function purchased(e164: string, id: string, ruleId: string, now: Timestamp): PhoneNumber {
  const number = inventoryItem(e164);
  number.id = id;
  number.createdAt = now.clone();
  return withRule(number, ruleId, now);
}

/** A released number: no longer routed, kept with the time it was given back. */
export function released(stored: PhoneNumber, now: Timestamp): PhoneNumber {
  const number = withRule(stored, "", now);
  number.status = PhoneNumberStatus.RELEASED;
  number.releasedAt = now.clone();
  return number;
}

export const isOwned = (number: PhoneNumber): boolean => number.status !== PhoneNumberStatus.RELEASED;
