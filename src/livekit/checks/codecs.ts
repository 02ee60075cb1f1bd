import { quoted } from "./text";

interface KnownCodec {
  /** LiveKit's spelling (livekit/sip registers codecs by SDP name, matched case-insensitively). */
  name: string;
  /** The SDP clock rate LiveKit offers; 0 in the config means this one. */
  rate: number;
  warning?: string;
}

/** The codecs LiveKit's SIP service can negotiate (livekit/sip media_codecs.go, media-sdk). */
const known: KnownCodec[] = [
  { name: "PCMU", rate: 8000 },
  { name: "PCMA", rate: 8000 },
  { name: "G722", rate: 8000 },
  { name: "telephone-event", rate: 8000 },
  {
    name: "AMR-WB",
    rate: 16000,
    warning: "AMR-WB is disabled by default in LiveKit's SIP service (and only built with cgo); it is offered only where the operator enabled it",
  },
];

const aliases: Record<string, string> = { "g.722": "G722", ulaw: "PCMU", mulaw: "PCMU", "g711u": "PCMU", alaw: "PCMA", "g711a": "PCMA", amrwb: "AMR-WB", dtmf: "telephone-event" };

function lookup(name: string): KnownCodec | undefined {
  const lower = name.trim().toLowerCase();
  const canonical = aliases[lower] ?? lower;
  return known.find((c) => c.name.toLowerCase() === canonical.toLowerCase());
}

/** The codec in LiveKit's spelling, so diffs and LiveKit's case-sensitive rate defaults agree. */
export function normalizeCodecName(name: string): string {
  return lookup(name)?.name ?? name;
}

export function codecProblem(codec: { name: string; rate?: number }): string | undefined {
  if (/^opus$/i.test(codec.name.trim())) {
    return "opus is not a SIP codec in LiveKit (it is used only on the WebRTC side); for HD voice on phone calls use G722";
  }
  const found = lookup(codec.name);
  if (!found) return `${quoted(codec.name)} is not a codec LiveKit's SIP service can negotiate; use one of ${known.map((c) => c.name).join(", ")}`;
  if (codec.rate !== undefined && codec.rate !== 0 && codec.rate !== found.rate) {
    return `${found.name} is offered at ${found.rate} Hz in SDP${found.name === "G722" ? " (it samples at 16 kHz, but its RTP clock is 8000 by RFC 3551)" : ""}; set rate ${found.rate} or leave it out`;
  }
  return undefined;
}

export function codecWarning(name: string): string | undefined {
  return lookup(name)?.warning;
}
