import { COUNTRY_CODES } from "../countryCodes";
import { quoted } from "./text";

const commonMistakes: Record<string, string> = { UK: "GB", EL: "GR" };

/** Why a value is not an ISO 3166-1 alpha-2 country code, or undefined. */
export function countryProblem(code: string): string | undefined {
  const upper = code.toUpperCase();
  if (commonMistakes[upper]) return `${quoted(code)} is not an ISO 3166-1 code; use ${commonMistakes[upper]}`;
  if (!/^[A-Z]{2}$/.test(upper) || !COUNTRY_CODES.has(upper)) return `${quoted(code)} is not an ISO 3166-1 alpha-2 country code (two letters, e.g. US, GB, IN)`;
  return undefined;
}
