import { GoError } from "./twirp";
import type { CodecLike, DurationLike, MediaConfigLike } from "./types";

/**
 * `SIPMediaConfig` rules (protocol `livekit/sip.go` `SIPCodec.Validate`, `SIPMediaConfig.Validate`).
 * Codec rates are not checked (protocol PR #1656 relaxed that), nor are codec names against a
 * registry: unknown codecs pass the API and only matter at call time.
 */

const NANOS_PER_SECOND = 1_000_000_000n;
/** `livekit.MaxSIPMediaTimeout`, 10 minutes. */
export const MAX_MEDIA_TIMEOUT_NANOS = 600n * NANOS_PER_SECOND;

const DURATION_JSON = /^(-)?(\d+)(?:\.(\d{1,9}))?s$/;

/** Total nanoseconds of a Duration, or undefined when the JSON text is not a Duration. */
export function durationNanos(d: DurationLike): bigint | undefined {
  if (typeof d === "string") {
    const m = DURATION_JSON.exec(d);
    if (m === null) return undefined;
    const abs = BigInt(m[2]) * NANOS_PER_SECOND + BigInt((m[3] ?? "").padEnd(9, "0"));
    return m[1] === undefined ? abs : -abs;
  }
  return BigInt(d.seconds) * NANOS_PER_SECOND + BigInt(d.nanos ?? 0);
}

export function validateCodec(codec: CodecLike): GoError | undefined {
  const name = codec.name ?? "";
  if (name === "") return GoError.plain("missing codec name");
  if (/[ \t\n\r]/.test(name)) return GoError.plain("invalid codec name");
  if (name.includes("/")) return GoError.plain("codec name must not contain '/'");
  return undefined;
}

export function validateMediaConfig(media: MediaConfigLike | undefined): GoError | undefined {
  if (media == null) return undefined;
  for (const codec of media.codecs ?? []) {
    const err = validateCodec(codec);
    if (err !== undefined) return err;
  }
  if (media.mediaTimeout != null) {
    const nanos = durationNanos(media.mediaTimeout) ?? 0n;
    if (nanos < 0n) return GoError.plain("media_timeout must not be negative");
    if (nanos > MAX_MEDIA_TIMEOUT_NANOS) return GoError.plain("media_timeout must not exceed 10m0s");
  }
  return undefined;
}
