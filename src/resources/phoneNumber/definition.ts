import { getCountryCallingCode, type CountryCode } from "libphonenumber-js/max";
import type { Failure, ResourceDefinition } from "../definition";
import { phoneNumberBinding } from "./binding";
import { reviewPhoneNumber } from "./identity";
import { phoneNumberOutputs, phoneNumberSchema } from "./schema";

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
  setAtCreate: ["phoneNumber", "countryCode", "areaCode"],
  // The number itself, not the search that found it (a program may not set both), and its rule.
  declaredArgs: (live) => ({ phoneNumber: live.phoneNumber, ...(live.sipDispatchRuleId ? { sipDispatchRuleId: live.sipDispatchRuleId } : {}) }),
  livekit: phoneNumberBinding,
};
