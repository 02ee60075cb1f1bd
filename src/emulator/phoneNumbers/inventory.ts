import { getCountryCallingCode, getExampleNumber, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import examples from "libphonenumber-js/examples.mobile.json";
import { COUNTRY_CODES } from "../../livekit/countryCodes";

/**
 * The numbers the emulator sells, made up deterministically so that tests and examples can name
 * the number a search will return, and every run returns the same ones:
 * - North America (+1): the 100 fictional `555-01xx` lines of an area code, e.g. `+14155550100`
 *   to `+14155550199`; without an area code, the area code of libphonenumber's example number;
 * - elsewhere: libphonenumber's example mobile number with its last two digits 00 to 99, filtered
 *   by national prefix when an area code is given.
 * Only numbers libphonenumber considers valid in the country are kept, in ascending order.
 */

const variants = (prefix: string) => Array.from({ length: 100 }, (_, i) => `${prefix}${String(i).padStart(2, "0")}`);

function candidates(country: CountryCode, areaCode: string | undefined): string[] {
  const example = getExampleNumber(country, examples);
  if (example === undefined) return [];
  const national = String(example.nationalNumber);
  if (getCountryCallingCode(country) === "1") return variants(`+1${areaCode ?? national.slice(0, 3)}55501`);
  const all = variants(`+${example.countryCallingCode}${national.slice(0, -2)}`);
  return areaCode === undefined ? all : all.filter((n) => n.startsWith(`+${example.countryCallingCode}${areaCode}`));
}

/** Every number for sale in a country (ISO 3166-1 alpha-2) and optional area code. */
export function inventory(countryCode: string, areaCode?: string): string[] {
  if (!COUNTRY_CODES.has(countryCode) || (areaCode !== undefined && !/^\d+$/.test(areaCode))) return [];
  const country = countryCode as CountryCode;
  return candidates(country, areaCode).filter((n) => {
    const parsed = parsePhoneNumberFromString(n);
    return parsed?.isValid() === true && parsed.country === country;
  });
}

/** Whether LiveKit sells this number at all (whoever owns it now). */
export function inInventory(e164: string): boolean {
  const parsed = parsePhoneNumberFromString(e164);
  if (parsed?.country === undefined) return false;
  const areaCode = parsed.countryCallingCode === "1" ? String(parsed.nationalNumber).slice(0, 3) : undefined;
  return inventory(parsed.country, areaCode).includes(e164);
}
