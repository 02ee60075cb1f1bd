import type { EffectiveMedia } from "./mediaMerge";
import type { RoutingCodec } from "../types";

/**
 * What the SIP service makes of a media config at call time (livekit/sip
 * `pkg/sip/media_codecs.go` `codecSet`): the default codecs unless only_listed_codecs, plus the
 * listed ones; telephone-event is always added. LiveKit's API accepts all of this unchecked, so
 * problems only show up when a call arrives.
 */

/** What `defaults` stands for in summaries (AMR-WB exists but is disabled by default). */
export const DEFAULT_SIP_CODECS: readonly string[] = ["G722/8000", "PCMU/8000", "PCMA/8000"];

/** The only names for which the SIP service fills in a missing rate (case-sensitive). */
const DEFAULT_RATES: Readonly<Record<string, number>> = { PCMU: 8000, PCMA: 8000, G722: 8000, "AMR-WB": 16000 };

/** Opus exists only on the WebRTC leg; listing it for SIP enables nothing. */
const NOT_SIP_CODECS = new Set(["opus"]);

export interface CodecSummary {
  /** `defaults` (see DEFAULT_SIP_CODECS), `defaults + AMR-WB/16000` or `only PCMU/8000`. */
  readonly text: string;
  /** Reasons calls with this config fail or lose a codec. */
  readonly problems: readonly string[];
}

const codecRate = (codec: RoutingCodec) => codec.rate || DEFAULT_RATES[codec.name ?? ""];

function codecProblems(codec: RoutingCodec): string[] {
  const name = codec.name ?? "";
  if (NOT_SIP_CODECS.has(name.toLowerCase())) return [`${name} is not a SIP codec; listing it enables nothing`];
  if (codecRate(codec) === undefined) return [`calls fail: sample rate not specified for codec "${name}"`];
  return [];
}

const codecLabel = (codec: RoutingCodec) => `${codec.name ?? ""}/${codecRate(codec) ?? "?"}`;

export function summarizeCodecs(media: Pick<EffectiveMedia, "onlyListedCodecs" | "codecs">): CodecSummary {
  const listed = media.codecs.map(codecLabel);
  const problems = media.codecs.flatMap(codecProblems);
  if (media.onlyListedCodecs) {
    if (listed.length === 0) return { text: "none", problems: ["calls fail: only_listed_codecs is set with no codecs (no codecs specified)"] };
    return { text: `only ${listed.join(", ")}`, problems };
  }
  return { text: listed.length === 0 ? "defaults" : `defaults + ${listed.join(", ")}`, problems };
}
