import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { PhoneNumberType } from "./phoneNumberMessages";

/**
 * What LiveKit derives from a number it sells (protocol `sip/phonenumber.go`), with the same
 * phone-number metadata LiveKit uses (Google's libphonenumber).
 */

/** `ExtractAreaCode`: the first three national digits, for US numbers only; "" otherwise. */
export function areaCodeOf(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (parsed?.country !== "US") return "";
  return String(parsed.nationalNumber).slice(0, 3);
}

/** `DetermineNumberType`: fixed lines count as local, anything unusual as unknown. */
export function numberTypeOf(e164: string): PhoneNumberType {
  switch (parsePhoneNumberFromString(e164)?.getType()) {
    case "MOBILE":
      return PhoneNumberType.MOBILE;
    case "FIXED_LINE":
    case "FIXED_LINE_OR_MOBILE":
      return PhoneNumberType.LOCAL;
    case "TOLL_FREE":
      return PhoneNumberType.TOLL_FREE;
    default:
      return PhoneNumberType.UNKNOWN;
  }
}

/** The ISO 3166-1 region of a valid number, or undefined. */
export function countryOf(e164: string): string | undefined {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed?.isValid() ? parsed.country : undefined;
}
