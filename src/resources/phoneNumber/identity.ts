import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { sameNumber } from "../../livekit/numbers";
import { containsUnknown } from "../../schema/unknowns";
import type { IdentityReview } from "../definition";

interface NumberArgs {
  phoneNumber?: string;
  countryCode?: string;
  areaCode?: string;
}

/** The parts of a search the owned number does not satisfy, as `countryCode "CA"`; none when unknown yet. */
function missedSearch(owned: string, search: NumberArgs): string[] {
  const parsed = parsePhoneNumberFromString(owned);
  const missed: string[] = [];
  const { countryCode, areaCode } = search;
  if (countryCode !== undefined && !containsUnknown(countryCode) && parsed?.country !== countryCode) missed.push(`countryCode "${countryCode}"`);
  if (areaCode !== undefined && !containsUnknown(areaCode) && !String(parsed?.nationalNumber ?? "").startsWith(areaCode)) missed.push(`areaCode "${areaCode}"`);
  return missed;
}

/**
 * A number is what the project bought. Naming another number replaces the resource: Pulumi buys
 * the new number first and releases the old one after (a failed purchase keeps the old number).
 * A search is used once, when the number is bought; a search the number no longer matches keeps
 * the number and warns, because buying again would silently release the number callers know.
 */
export function reviewPhoneNumber(previous: Record<string, unknown>, next: NumberArgs): IdentityReview {
  const owned = String(previous.phoneNumber ?? "");
  const wanted = next.phoneNumber;
  if (wanted !== undefined && (containsUnknown(wanted) || !sameNumber(wanted, owned))) return { replaces: ["phoneNumber"], warnings: [] };
  const missed = missedSearch(owned, next);
  if (missed.length === 0) return { replaces: [], warnings: [] };
  return {
    replaces: [],
    warnings: [
      `${owned} does not match the search (${missed.join(", ")}) and is kept: a search only chooses the number when it is bought. ` +
        `To buy a different number, set phoneNumber to it or run \`pulumi up --replace\` on this resource; either releases ${owned}.`,
    ],
  };
}
