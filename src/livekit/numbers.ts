/**
 * Phone-number normalisation as LiveKit applies it (protocol `livekit/sip.go` `NormalizeNumber`).
 *
 * LiveKit never validates number formats; it only normalises for conflict buckets, the inbound
 * list filter and trunk matching. Anything that is not digits with optional `+`, spaces, dashes
 * and parentheses (for example a SIP user name) is left unchanged.
 */

const NUMBER_LIKE = /^\+?[\d\- ()]+$/;
const FORMATTING = /[ \-()]/g;

export function normalizeNumber(num: string): string {
  if (num === "" || !NUMBER_LIKE.test(num)) return num;
  const digits = num.replace(FORMATTING, "");
  return digits.startsWith("+") ? digits : `+${digits}`;
}

/** Whether two numbers are the same once normalised (or identical as written). */
export const sameNumber = (a: string, b: string): boolean => a === b || normalizeNumber(a) === normalizeNumber(b);
