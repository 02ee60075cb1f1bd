import { z } from "zod";
import { getCountryCallingCode, type CountryCode } from "libphonenumber-js/max";
import { choice, refined, strings, text, type Field } from "../../schema/field";
import { object } from "../../schema/composite";
import { country, phoneNumber as e164Number } from "../../schema/checked";
import type { Failure, ResourceDefinition } from "../definition";
import { phoneNumberBinding } from "./binding";
import { reviewPhoneNumber } from "./identity";

/**
 * Fixed when the number is bought, so never an in-place change: `reviewIdentity` compares them
 * instead. (An unset phoneNumber, a search, must not differ from the number the search found.)
 */
const setAtPurchase = <T>(f: Field<T>): Field<T> => ({ ...f, canonical: () => null });

export const phoneNumberSchema = object(
  "A LiveKit Phone Number (`PhoneNumber` of `livekit.PhoneNumberService`): a number bought from LiveKit whose calls go straight to a dispatch rule, without a SIP trunk. Deleting the resource releases the number; see docs/phone-numbers.md for `protect` and `retainOnDelete`.",
  {
    phoneNumber: setAtPurchase(
      e164Number("The number to buy. Changing it replaces the resource: the new number is bought, then this one released. Leave it out to search with `countryCode`; the output is always the number owned."),
    ),
    countryCode: setAtPurchase(
      country("Search: the country to buy a number in (ISO 3166-1 alpha-2, e.g. `US`), used once, when the number is bought. The output is the number's country."),
    ),
    areaCode: setAtPurchase(
      refined(
        text("Search: the area code (digits, e.g. `415`) of the number to buy, with `countryCode`. The output is the number's area code (US numbers only)."),
        z.string().regex(/^\d{1,6}$/, { message: "must be the digits of an area code, e.g. 415" }),
      ),
    ),
    sipDispatchRuleId: refined(
      text("The dispatch rule calls to the number go to (the rule's `sipDispatchRuleId`); changed in place. Empty: none, and the number is offline."),
      z.string().regex(/^(SDR_[A-Za-z0-9]+)?$/, { message: "is not a dispatch rule ID (SDR_…); pass the rule's sipDispatchRuleId output" }),
    ),
  },
);

/** What LiveKit reports about a number besides its arguments. */
export const phoneNumberOutputs = object("What LiveKit reports about the number.", {
  status: choice("The number's status.", {
    unspecified: "PHONE_NUMBER_STATUS_UNSPECIFIED",
    active: "PHONE_NUMBER_STATUS_ACTIVE",
    pending: "PHONE_NUMBER_STATUS_PENDING",
    released: "PHONE_NUMBER_STATUS_RELEASED",
    offline: "PHONE_NUMBER_STATUS_OFFLINE",
  }),
  numberType: choice("The kind of line.", {
    unknown: "PHONE_NUMBER_TYPE_UNKNOWN",
    mobile: "PHONE_NUMBER_TYPE_MOBILE",
    local: "PHONE_NUMBER_TYPE_LOCAL",
    "toll-free": "PHONE_NUMBER_TYPE_TOLL_FREE",
  }),
  sipDispatchRuleIds: strings("Every dispatch rule LiveKit associates with the number.", { ordered: false }),
  capabilities: strings("What the number can do, e.g. `voice`.", { ordered: false }),
  locality: text("City, where LiveKit reports it."),
  region: text("State or region, where LiveKit reports it."),
  assignedAt: text("When the dispatch rule was assigned (RFC 3339)."),
});

const isNorthAmerican = (countryCode: string) => {
  try {
    return getCountryCallingCode(countryCode as CountryCode) === "1";
  } catch {
    return false;
  }
};

function searchRules(args: { phoneNumber?: string; countryCode?: string; areaCode?: string }): Failure[] {
  const { phoneNumber, countryCode, areaCode } = args;
  if (phoneNumber !== undefined && (countryCode !== undefined || areaCode !== undefined)) {
    return [{ property: "phoneNumber", reason: "set either phoneNumber or a search (countryCode, areaCode), not both" }];
  }
  if (areaCode !== undefined && countryCode === undefined) return [{ property: "areaCode", reason: "an area code needs countryCode too" }];
  if (areaCode !== undefined && isNorthAmerican(countryCode!) && !/^[2-9]\d\d$/.test(areaCode)) {
    return [{ property: "areaCode", reason: `"${areaCode}" is not a North American area code: three digits, the first 2-9 (e.g. 415)` }];
  }
  return [];
}

export const phoneNumber: ResourceDefinition<typeof phoneNumberSchema.fields> = {
  type: "PhoneNumber",
  noun: "phone number",
  idField: "phoneNumberId",
  schema: phoneNumberSchema,
  outputs: phoneNumberOutputs,
  crossFieldRules: searchRules,
  warnings: (args) => (args.sipDispatchRuleId ? [] : ["no sipDispatchRuleId: calls to this number go nowhere (LiveKit shows it offline)"]),
  reviewIdentity: reviewPhoneNumber,
  // The number itself, not the search that found it (a program may not set both), and its rule.
  declaredArgs: (live) => ({ phoneNumber: live.phoneNumber, ...(live.sipDispatchRuleId ? { sipDispatchRuleId: live.sipDispatchRuleId } : {}) }),
  livekit: phoneNumberBinding,
};
