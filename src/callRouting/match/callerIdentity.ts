import { createHash } from "node:crypto";

/**
 * How the caller appears in the room (protocol `sip/sip.go` `EvaluateDispatchRule`): identity
 * `sip_<from>` and name `Phone <from>`, or, when the rule hides phone numbers, an identity from
 * the first 8 bytes of sha256(from) and only the last 4 characters of the number (the last one
 * when the number has 4 or fewer). The masked value is also what individual rooms are named after.
 */
export interface CallerIdentity {
  readonly identity: string;
  readonly name: string;
  /** The From user as it may appear in room names: masked when hidden. */
  readonly shownNumber: string;
}

const HASH_HEX_CHARS = 16;

/** Go slices strings by bytes, so the mask is taken on the UTF-8 bytes too. */
function lastBytes(text: string, count: number): string {
  const bytes = Buffer.from(text, "utf8");
  return bytes.subarray(bytes.length - count).toString("utf8");
}

/**
 * The caller's identity, or undefined for an empty From user with a hidden number: LiveKit then
 * slices `from[-1:]`, which panics in Go, so such a call fails during evaluation.
 */
export function callerIdentity(callerNumber: string, hideNumber: boolean): CallerIdentity | undefined {
  if (!hideNumber) return { identity: `sip_${callerNumber}`, name: `Phone ${callerNumber}`, shownNumber: callerNumber };
  const length = Buffer.byteLength(callerNumber, "utf8");
  if (length === 0) return undefined;
  const shown = lastBytes(callerNumber, length <= 4 ? 1 : 4);
  const hash = createHash("sha256").update(callerNumber, "utf8").digest("hex").slice(0, HASH_HEX_CHARS);
  return { identity: `sip_${hash}`, name: `Phone ${shown}`, shownNumber: shown };
}
