/**
 * Whether Go's `strconv.Unquote` accepts `s` as a double-quoted string literal (quotes included).
 * LiveKit uses it to check SIP display names.
 */

const SIMPLE_ESCAPES = new Set("abfnrtv\\\"");
const HEX_ESCAPE_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

function escapeLength(body: string, i: number): number | undefined {
  const c = body[i + 1];
  if (c === undefined) return undefined;
  if (SIMPLE_ESCAPES.has(c)) return 2;
  const hexLength = HEX_ESCAPE_LENGTH[c];
  if (hexLength !== undefined) {
    const digits = body.slice(i + 2, i + 2 + hexLength);
    if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(digits)) return undefined;
    const value = parseInt(digits, 16);
    const validRune = value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
    return c === "x" || validRune ? 2 + hexLength : undefined;
  }
  const octal = body.slice(i + 1, i + 4);
  if (/^[0-7]{3}$/.test(octal) && parseInt(octal, 8) <= 255) return 4;
  return undefined;
}

export function goUnquotes(s: string): boolean {
  if (s.length < 2 || !s.startsWith('"') || !s.endsWith('"') || s.includes("\n")) return false;
  const body = s.slice(1, -1);
  for (let i = 0; i < body.length; ) {
    if (body[i] === '"') return false;
    if (body[i] !== "\\") {
      i++;
      continue;
    }
    const length = escapeLength(body, i);
    if (length === undefined) return false;
    i += length;
  }
  return true;
}
