import { goQuote } from "../../livekit/goQuote";
import { inboundTrunkMatches, sortById } from "../../livekit/listFilters";
import { sameNumber } from "../../livekit/numbers";
import { TwirpError } from "../../livekit/twirp";
import type { InboundTrunkLike } from "../../livekit/types";
import { matchAddressMasks } from "./addressMasks";

/**
 * Inbound trunk selection, as LiveKit does it before any dispatch rule is looked at
 * (livekit `SelectSIPInboundTrunk`, protocol `sip/sip.go` `MatchTrunkDetailed`).
 */

/** The part of the INVITE that trunk selection reads. */
export interface TrunkCall {
  /** To user. */
  readonly calledNumber: string;
  /** From user. */
  readonly callerNumber: string;
  /** From host, which hostname entries of `allowed_addresses` are compared with. */
  readonly callerHost: string;
  /** The packet's source; an empty or unparsable one skips the address filter. */
  readonly sourceIp: string;
}

export type TrunkSkipReason = "calledNumberNotListed" | "callerNotAllowed" | "sourceNotAllowed";

export type TrunkVerdict<T> =
  | { readonly trunk: T; readonly status: "selected" }
  /** A trunk without numbers that passed the filters: used only when no specific trunk is. */
  | { readonly trunk: T; readonly status: "default" }
  /** A second trunk claiming the called number; LiveKit fails the call on it. */
  | { readonly trunk: T; readonly status: "conflict" }
  | { readonly trunk: T; readonly status: "skipped"; readonly reason: TrunkSkipReason };

/** `TrunkMatchType`: `empty` when no trunk was even a candidate, `none` when candidates all failed. */
export type TrunkMatchType = "empty" | "none" | "default" | "specific";

export interface TrunkMatch<T> {
  readonly trunk?: T;
  readonly matchType: TrunkMatchType;
  /** Trunks in the order LiveKit looked at them (ID order), then those it never considered. */
  readonly verdicts: readonly TrunkVerdict<T>[];
  /** `failed_precondition` when two trunks (or two default trunks) claim the call. */
  readonly error?: TwirpError;
}

const trunkId = (trunk: InboundTrunkLike) => trunk.sipTrunkId ?? "";

function filteredOut(trunk: InboundTrunkLike, call: TrunkCall): TrunkSkipReason | undefined {
  const allowed = trunk.allowedNumbers ?? [];
  if (allowed.length > 0 && !allowed.some((n) => sameNumber(call.callerNumber, n))) return "callerNotAllowed";
  if (!matchAddressMasks(call.sourceIp, call.callerHost, trunk.allowedAddresses)) return "sourceNotAllowed";
  return undefined;
}

const multipleError = (what: string, called: string) =>
  new TwirpError("failed_precondition", `Multiple ${what} matched for ${goQuote(called)}`);

export function matchTrunk<T extends InboundTrunkLike>(trunks: readonly T[], call: TrunkCall): TrunkMatch<T> {
  // LiveKit lists the candidates with the inbound-trunk `numbers` filter: wildcard trunks plus
  // those listing the called number in any spelling, sorted by ID.
  const candidates = sortById(
    trunks.filter((t) => inboundTrunkMatches({ numbers: [call.calledNumber] }, t)),
    trunkId,
  );
  const candidateSet = new Set(candidates);
  const notCandidates = sortById(
    trunks.filter((t) => !candidateSet.has(t)),
    trunkId,
  ).map((trunk): TrunkVerdict<T> => ({ trunk, status: "skipped", reason: "calledNumberNotListed" }));

  const verdicts: TrunkVerdict<T>[] = [];
  const defaults: T[] = [];
  let selected: T | undefined;
  for (const trunk of candidates) {
    const reason = filteredOut(trunk, call);
    if (reason !== undefined) {
      verdicts.push({ trunk, status: "skipped", reason });
    } else if ((trunk.numbers ?? []).length === 0) {
      defaults.push(trunk);
      verdicts.push({ trunk, status: "default" });
    } else {
      // Every remaining candidate lists the called number (that is how it became a candidate).
      if (selected !== undefined) {
        verdicts.push({ trunk, status: "conflict" });
        return { matchType: "specific", verdicts: [...verdicts, ...notCandidates], error: multipleError("SIP Trunks", call.calledNumber) };
      }
      selected = trunk;
      verdicts.push({ trunk, status: "selected" });
    }
  }
  const all = [...verdicts, ...notCandidates];
  if (selected !== undefined) return { trunk: selected, matchType: "specific", verdicts: all };
  if (defaults.length > 1) {
    return { matchType: "default", verdicts: all, error: multipleError("default SIP Trunks", call.calledNumber) };
  }
  if (defaults.length === 1) return { trunk: defaults[0], matchType: "default", verdicts: all };
  return { matchType: candidates.length === 0 ? "empty" : "none", verdicts: all };
}
