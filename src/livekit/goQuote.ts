/**
 * Go's `%q` formatting (`strconv.Quote`), which LiveKit uses in its conflict and routing messages.
 */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x07: "\\a",
  0x08: "\\b",
  0x0c: "\\f",
  0x0a: "\\n",
  0x0d: "\\r",
  0x09: "\\t",
  0x0b: "\\v",
  0x22: '\\"',
  0x5c: "\\\\",
};

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

function quoteRune(ch: string): string {
  let cp = ch.codePointAt(0) ?? 0;
  // A lone surrogate cannot come out of Go's UTF-8 decoding; Go would have seen U+FFFD.
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
  const short = SHORT_ESCAPES[cp];
  if (short !== undefined) return short;
  const rune = String.fromCodePoint(cp);
  if (PRINTABLE.test(rune)) return rune;
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
  if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

/** `fmt.Sprintf("%q", s)` */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += quoteRune(ch);
  return `${out}"`;
}

/** `fmt.Sprintf("%q", []string{…})`, e.g. `["+1" "+2"]`. */
export const goQuoteList = (items: readonly string[]): string => `[${items.map(goQuote).join(" ")}]`;
