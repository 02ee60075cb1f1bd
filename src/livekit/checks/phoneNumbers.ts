import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { controlCharacter, nonAscii, quoted } from "./text";

const formatting = /^\+?[\d\s().-]+$/;

/**
 * Why a value is not a real E.164 phone number, or undefined when it is. Formatting characters
 * (spaces, dashes, dots, parentheses) are accepted and removed by `toE164`.
 */
export function e164Problem(value: string): string | undefined {
  const odd = controlCharacter(value) ?? nonAscii(value);
  if (odd) return `${quoted(value)} contains ${odd}; type the number with ASCII digits, e.g. +14155550100`;
  if (!formatting.test(value)) return `${quoted(value)} is not a phone number; write it in E.164 form, e.g. +14155550100`;
  if (!value.trim().startsWith("+")) return `${quoted(value)} has no country code; write it in E.164 form starting with +, e.g. +1${value.replace(/\D/g, "")}`;
  const parsed = parsePhoneNumberFromString(value.trim());
  if (!parsed || !parsed.isPossible()) return `${quoted(value)} is not a possible phone number (wrong length for its country code)`;
  if (!parsed.isValid()) return `${quoted(value)} is not a valid number in ${parsed.country ?? `country code +${parsed.countryCallingCode}`}`;
  return undefined;
}

/** The canonical E.164 spelling (`+14155550100`) of a valid number; anything else unchanged. */
export function toE164(value: string): string {
  if (e164Problem(value) !== undefined) return value;
  return parsePhoneNumberFromString(value.trim())!.number;
}

/**
 * With E.164 checks turned off (SIP user names, extensions), a value must still be something a
 * SIP URI user part can carry.
 */
export function sipUserProblem(value: string): string | undefined {
  if (value === "") return "must not be empty";
  if (value.length > 64) return `${quoted(value)} is longer than 64 characters`;
  const odd = controlCharacter(value) ?? nonAscii(value);
  if (odd) return `${quoted(value)} contains ${odd}`;
  if (/[\s@:;<>"]/.test(value)) return `${quoted(value)} contains a space or one of @ : ; < > " which cannot appear in a SIP user part`;
  return undefined;
}
