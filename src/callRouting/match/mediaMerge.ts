import type { DurationLike } from "../../livekit/types";
import type { MediaEncryptionValue, RoutingCodec, RoutingMedia } from "../types";

/**
 * The media settings a call gets (protocol `livekit/sip.go` `Upgrade`, `SIPMediaConfig.Merge`,
 * `SIPMediaEncryption.Merge`, used by `EvaluateDispatchRule`): the trunk's media merged with the
 * rule's, field by field.
 */

export type Encryption = "disable" | "allow" | "require";

export interface EffectiveMedia {
  readonly onlyListedCodecs: boolean;
  readonly codecs: readonly RoutingCodec[];
  readonly encryption: Encryption;
  /** Absent means the SIP service default. */
  readonly mediaTimeout?: DurationLike;
}

/** What a trunk or rule carries: `media` plus the deprecated top-level `media_encryption`. */
export interface MediaOwner {
  readonly media?: RoutingMedia;
  readonly mediaEncryption?: MediaEncryptionValue;
}

interface UpgradedMedia {
  readonly onlyListedCodecs: boolean;
  readonly codecs: readonly RoutingCodec[];
  readonly encryption?: Encryption;
  readonly mediaTimeout?: DurationLike;
}

const ENCRYPTION_BY_VALUE: Readonly<Record<string, Encryption>> = {
  SIP_MEDIA_ENCRYPT_DISABLE: "disable",
  SIP_MEDIA_ENCRYPT_ALLOW: "allow",
  SIP_MEDIA_ENCRYPT_REQUIRE: "require",
  0: "disable",
  1: "allow",
  2: "require",
};

export const encryptionOf = (value: MediaEncryptionValue | undefined): Encryption | undefined =>
  value === undefined ? undefined : ENCRYPTION_BY_VALUE[String(value)];

/** Strength order, for telling a reviewer that encryption went down. */
export const ENCRYPTION_STRENGTH: Readonly<Record<Encryption, number>> = { disable: 0, allow: 1, require: 2 };

/** `Upgrade`: the legacy field fills `media.encryption` only when that is unset and not DISABLE. */
export function upgradedMedia(owner: MediaOwner): UpgradedMedia {
  const media = owner.media ?? {};
  const legacy = encryptionOf(owner.mediaEncryption);
  return {
    onlyListedCodecs: media.onlyListedCodecs === true,
    codecs: media.codecs ?? [],
    encryption: encryptionOf(media.encryption) ?? (legacy === "disable" ? undefined : legacy),
    mediaTimeout: media.mediaTimeout,
  };
}

/** DISABLE is the enum's zero value, so a rule saying DISABLE means "unset" and keeps the trunk's. */
function mergeEncryption(trunk: Encryption | undefined, rule: Encryption | undefined): Encryption | undefined {
  if (trunk === undefined) return rule;
  if (rule === undefined || rule === "disable") return trunk;
  return rule;
}

/** The rule's codecs replace the trunk's (with its only_listed_codecs) only when it lists any. */
export function mergeMedia(trunk: MediaOwner | undefined, rule: MediaOwner): EffectiveMedia {
  const ruleMedia = upgradedMedia(rule);
  const trunkMedia = trunk === undefined ? undefined : upgradedMedia(trunk);
  const codecSource = trunkMedia !== undefined && ruleMedia.codecs.length === 0 ? trunkMedia : ruleMedia;
  const mediaTimeout = ruleMedia.mediaTimeout ?? trunkMedia?.mediaTimeout;
  return {
    onlyListedCodecs: codecSource.onlyListedCodecs,
    codecs: codecSource.codecs,
    encryption: mergeEncryption(trunkMedia?.encryption, ruleMedia.encryption) ?? "disable",
    ...(mediaTimeout === undefined ? {} : { mediaTimeout }),
  };
}
