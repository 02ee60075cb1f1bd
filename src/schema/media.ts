import { codecProblem, codecWarning, normalizeCodecName } from "../livekit/checks/codecs";
import { choice, count, flag, refined, required, seconds, text } from "./field";
import { listOf, object } from "./composite";

export const mediaEncryption = choice("Whether the call's media uses SRTP.", {
  disable: "SIP_MEDIA_ENCRYPT_DISABLE",
  allow: "SIP_MEDIA_ENCRYPT_ALLOW",
  require: "SIP_MEDIA_ENCRYPT_REQUIRE",
});

const codecFields = object("A codec LiveKit offers on the SIP leg.", {
  name: required(text("Codec name: `PCMU`, `PCMA`, `G722`, `telephone-event` or `AMR-WB` (case and common aliases are normalised).")),
  rate: count("SDP clock rate in Hz; 0 (or left out) uses the codec's own."),
});

export const codec = refined(
  codecFields,
  codecFields.zod.superRefine((value, ctx) => {
    const problem = codecProblem(value);
    if (problem) ctx.addIssue({ code: "custom", path: ["name"], message: problem });
  }),
  (value) => ({ ...value, name: normalizeCodecName(value.name) }),
);

const mediaFields = object("Media settings for calls (`SIPMediaConfig`).", {
  onlyListedCodecs: flag("Offer only `codecs` instead of adding them to LiveKit's default codec set."),
  codecs: listOf("Codecs to enable, in order.", codec, { max: 16 }),
  encryption: mediaEncryption,
  mediaTimeout: seconds("Hang up after this many seconds without media; 0 uses LiveKit's default.", { max: 600 }),
});

/** LiveKit's SIPMediaConfig, shared by trunks and dispatch rules. */
export const media = refined(
  mediaFields,
  mediaFields.zod.superRefine((value, ctx) => {
    if (value.onlyListedCodecs && !value.codecs?.length) {
      ctx.addIssue({
        code: "custom",
        path: ["codecs"],
        message: "onlyListedCodecs is set but no codecs are listed: every call would fail with \"no codecs specified\"; list codecs or drop onlyListedCodecs",
      });
    }
  }),
);

/** Legal but risky media choices, reported as warnings. */
export function mediaWarnings(value: { codecs?: { name: string }[] } | undefined): string[] {
  return (value?.codecs ?? []).flatMap((c) => {
    const warning = codecWarning(c.name);
    return warning ? [`media.codecs: ${warning}`] : [];
  });
}

