import { choice, count, flag, required, seconds, text } from "./field";
import { listOf, object } from "./composite";

export const mediaEncryption = choice("Whether the call's media uses SRTP.", {
  disable: "SIP_MEDIA_ENCRYPT_DISABLE",
  allow: "SIP_MEDIA_ENCRYPT_ALLOW",
  require: "SIP_MEDIA_ENCRYPT_REQUIRE",
});

export const codec = object("A codec LiveKit offers on the SIP leg.", {
  name: required(text("Codec name as written in SDP, e.g. `PCMU`, `PCMA`, `G722`.")),
  rate: count("Sample rate in Hz; 0 lets LiveKit pick the codec's default rate."),
});

/** LiveKit's SIPMediaConfig, shared by trunks and dispatch rules. */
export const media = object("Media settings for calls (`SIPMediaConfig`).", {
  onlyListedCodecs: flag("Offer only `codecs` instead of adding them to LiveKit's default codec set."),
  codecs: listOf("Codecs to enable, in order.", codec),
  encryption: mediaEncryption,
  mediaTimeout: seconds("Hang up after this many seconds without media; 0 uses LiveKit's default.", { max: 600 }),
});
