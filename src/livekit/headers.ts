import { GoError } from "./twirp";
import type { StringMap } from "./types";

/**
 * SIP header rules of the LiveKit API (protocol `livekit/sip_validation.go`, `livekit/sip.go`
 * `validateHeaders`). Every failure is a plain Go error; messages are LiveKit's, typos included.
 */

/** Headers LiveKit manages itself; `headers` maps may not set them (case-insensitive). */
export const FORBIDDEN_HEADER_NAMES: ReadonlySet<string> = new Set([
  "accept",
  "accept-encoding",
  "accept-language",
  "allow",
  "allow-events",
  "call-id",
  "contact",
  "content-encoding",
  "content-length",
  "content-type",
  "cseq",
  "event",
  "expires",
  "from",
  "max-forwards",
  "record-route",
  "refer-to",
  "reply-to",
  "k",
  "l",
  "m",
  "o",
  "r",
  "t",
  "u",
  "v",
]);

const TOKEN_PUNCTUATION = new Set("-.!%*_+`'~");
const MAX_NAME_BYTES = 255;
const MAX_VALUE_BYTES = 1024;

const isTokenChar = (cp: number) =>
  (cp >= 0x30 && cp <= 0x39) ||
  (cp >= 0x41 && cp <= 0x5a) ||
  (cp >= 0x61 && cp <= 0x7a) ||
  TOKEN_PUNCTUATION.has(String.fromCodePoint(cp));

const isHeaderValueChar = (cp: number) => cp === 0x09 || (cp >= 0x20 && cp <= 0x7e);

const byteLength = (s: string) => Buffer.byteLength(s, "utf8");

/** The first disallowed character, in the words of LiveKit's `allowedCharacters.Validate`. */
function charError(text: string, allowed: (cp: number) => boolean, allowNonAscii: boolean): string | undefined {
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 128) {
      if (allowNonAscii) continue;
      return `char ${cp} out of range, consider explicilty adding utf8 characters`;
    }
    if (!allowed(cp)) return `char ${cp} not allowed`;
  }
  return undefined;
}

/** The first character outside the RFC 3261 `token` set, in LiveKit's words. */
export const tokenCharsError = (text: string): string | undefined => charError(text, isTokenChar, false);

/** RFC 3261 token check of a header name; `restrictNames` also refuses LiveKit-managed headers. */
export function headerNameError(name: string, restrictNames: boolean): string | undefined {
  if (name === "") return "header name cannot be empty";
  if (byteLength(name) > MAX_NAME_BYTES) return "header name too long (max 255 characters)";
  const chars = tokenCharsError(name);
  if (chars !== undefined) return `header name ${name} contains invalid characters: ${chars}`;
  if (restrictNames && FORBIDDEN_HEADER_NAMES.has(name.toLowerCase())) return `header name ${name} not supported`;
  return undefined;
}

export function headerValueError(name: string, value: string): string | undefined {
  if (value === "") return undefined;
  if (byteLength(value) > MAX_VALUE_BYTES) return `header ${name}: value too long (max 1024 characters)`;
  const chars = charError(value, isHeaderValueChar, true);
  return chars === undefined ? undefined : `header ${name}: value: ${chars}`;
}

/**
 * The `headers` map of a trunk or call. Go walks the map in random order; this walks insertion
 * order, so with several bad headers the one reported may differ from a given LiveKit reply.
 */
export function validateHeaders(headers: StringMap | undefined): GoError | undefined {
  for (const [name, value] of Object.entries(headers ?? {})) {
    const nameErr = headerNameError(name, true);
    if (nameErr !== undefined) return GoError.plain(`invalid header name: ${nameErr}`);
    const valueErr = headerValueError(name, value);
    if (valueErr !== undefined) return GoError.plain(`invalid header value for ${name}: ${valueErr}`);
  }
  return undefined;
}

function validateHeaderNames(names: Iterable<string>): GoError | undefined {
  for (const name of names) {
    const err = headerNameError(name, false);
    if (err !== undefined) return GoError.plain(`invalid header name: ${err}`);
  }
  return undefined;
}

/** `attributes_to_headers`: the values are header names. */
export const validateAttributesToHeaders = (map: StringMap | undefined) => validateHeaderNames(Object.values(map ?? {}));

/** `headers_to_attributes`: the keys are header names. */
export const validateHeadersToAttributes = (map: StringMap | undefined) => validateHeaderNames(Object.keys(map ?? {}));
