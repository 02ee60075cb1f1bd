/**
 * Go's `base64.RawURLEncoding.DecodeString` (non-strict), including the byte offset of its
 * `illegal base64 data at input byte N` error, which golang-jwt passes through to LiveKit's 401s.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export type GoBase64Result = { ok: true; bytes: Buffer } | { ok: false; message: string };

const corrupt = (offset: number): GoBase64Result => ({ ok: false, message: `illegal base64 data at input byte ${offset}` });

export function decodeRawUrlBase64(text: string): GoBase64Result {
  let quantumLength = 0;
  let lastIndex = 0;
  let clean = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\r" || ch === "\n") continue;
    if (!ALPHABET.includes(ch)) return corrupt(i);
    clean += ch;
    lastIndex = i;
    quantumLength = (quantumLength + 1) % 4;
  }
  // A final quantum of one character cannot encode a byte.
  if (quantumLength === 1) return corrupt(lastIndex);
  return { ok: true, bytes: Buffer.from(clean, "base64url") };
}
