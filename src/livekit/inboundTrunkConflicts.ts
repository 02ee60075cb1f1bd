import { goQuote, goQuoteList } from "./goQuote";
import { normalizeNumber } from "./numbers";
import { TwirpError } from "./twirp";
import type { InboundTrunkLike } from "./types";

/**
 * Conflicts between inbound trunks, as `sip.ValidateTrunksIter` finds them (protocol `sip/sip.go`).
 *
 * Trunks are walked in order and claim slots `[called number][calling number]`: the called key is
 * each distinct normalised number (or `""` for a trunk without numbers), the calling key each
 * distinct normalised allowed number (or `""` when none). A slot already held by a trunk with a
 * different ID is a conflict, reported for the trunk being walked. Addresses and auth are not part
 * of the key, so they never separate two trunks.
 */

export type InboundTrunkConflictReason = "calledNumber" | "callingNumber";

export interface InboundTrunkConflict<T> {
  /** The trunk being walked when the conflict was found (printed first). */
  readonly trunk: T;
  /** The trunk that already held the slot. */
  readonly existing: T;
  readonly reason: InboundTrunkConflictReason;
  /** LiveKit's `invalid_argument` answer, message included. */
  readonly error: TwirpError;
}

/** `printID`: trunks not stored yet have no ID. */
export const printId = (id: string | undefined): string => (id ? id : "<new>");

const printNumbers = (numbers: readonly string[]) => (numbers.length === 0 ? "<any>" : goQuoteList(numbers));

function distinctKeys(values: readonly string[] | undefined): string[] {
  if (values === undefined || values.length === 0) return [""];
  return [...new Set(values.map(normalizeNumber))];
}

function conflictError(trunk: InboundTrunkLike, existing: InboundTrunkLike, allowedNumber?: string): TwirpError {
  const pair = `${goQuote(printId(trunk.sipTrunkId))} and ${goQuote(printId(existing.sipTrunkId))}`;
  const numbers = printNumbers(trunk.numbers ?? []);
  const tail =
    allowedNumber === undefined ? "without AllowedNumbers set" : `and AllowedNumber ${goQuote(allowedNumber)}`;
  return new TwirpError("invalid_argument", `Conflicting inbound SIP Trunks: ${pair}, using the same number(s) ${numbers} ${tail}`);
}

function claimCallingSlots<T extends InboundTrunkLike>(
  byCalling: Map<string, T>,
  trunk: T,
): InboundTrunkConflict<T> | undefined {
  const allowed = trunk.allowedNumbers ?? [];
  if (allowed.length === 0) {
    const existing = byCalling.get("");
    if (existing !== undefined && existing.sipTrunkId !== trunk.sipTrunkId) {
      return { trunk, existing, reason: "calledNumber", error: conflictError(trunk, existing) };
    }
    byCalling.set("", trunk);
    return undefined;
  }
  const seen = new Set<string>();
  for (const number of allowed) {
    const key = normalizeNumber(number);
    if (seen.has(key)) continue;
    seen.add(key);
    const existing = byCalling.get(key);
    if (existing !== undefined && existing.sipTrunkId !== trunk.sipTrunkId) {
      return { trunk, existing, reason: "callingNumber", error: conflictError(trunk, existing, number) };
    }
    byCalling.set(key, trunk);
  }
  return undefined;
}

/** The first conflict met while walking `trunks` in the given order, if any. */
export function findInboundTrunkConflict<T extends InboundTrunkLike>(trunks: Iterable<T>): InboundTrunkConflict<T> | undefined {
  const buckets = new Map<string, Map<string, T>>();
  for (const trunk of trunks) {
    for (const called of distinctKeys(trunk.numbers)) {
      let byCalling = buckets.get(called);
      if (byCalling === undefined) {
        byCalling = new Map();
        buckets.set(called, byCalling);
      }
      const conflict = claimCallingSlots(byCalling, trunk);
      if (conflict !== undefined) return conflict;
    }
  }
  return undefined;
}
