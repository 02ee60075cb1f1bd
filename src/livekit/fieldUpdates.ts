import {
  ListUpdate,
  SIPDispatchRuleInfo,
  SIPDispatchRuleUpdate,
  SIPInboundTrunkInfo,
  SIPInboundTrunkUpdate,
  SIPMediaConfig,
  SIPMediaEncryption,
  SIPOutboundTrunkInfo,
  SIPOutboundTrunkUpdate,
} from "@livekit/protocol";
import { validateDispatchRule } from "./dispatchRule";
import { applyListUpdate, applyMapDiff, validateListUpdate } from "./listUpdate";
import { validateMediaConfig } from "./media";
import { validateInboundTrunk, validateOutboundTrunk } from "./trunkValidation";
import type { GoError } from "./twirp";

/**
 * LiveKit's field updates (`update` of the Update* methods; protocol `livekit/sip.go`
 * `SIP…Update.Apply`): optional scalars overwrite when present (even with `""`), `ListUpdate`s edit
 * lists, `media` replaces the whole config, then `Upgrade()` runs and the result is re-validated.
 * Fields without a counterpart in the update message (headers, timeouts, krisp, …) can only be
 * changed with `replace`.
 */

interface MediaCarrier {
  media?: SIPMediaConfig;
  mediaEncryption: SIPMediaEncryption;
}

/**
 * `Upgrade()`: a missing media config becomes `{}`, and a legacy `media_encryption` other than
 * DISABLE fills `media.encryption` when that is unset.
 */
export function upgradeMedia(info: MediaCarrier): void {
  const media = info.media ?? new SIPMediaConfig();
  if (media.encryption === undefined && info.mediaEncryption !== SIPMediaEncryption.SIP_MEDIA_ENCRYPT_DISABLE) {
    media.encryption = info.mediaEncryption;
  }
  info.media = media;
}

/** `updateMediaConfig`: apply both fields, upgrade, then derive the legacy field back from `media`. */
function updateMediaConfig(info: MediaCarrier, media: SIPMediaConfig | undefined, encryption: SIPMediaEncryption | undefined) {
  if (media !== undefined) info.media = media.clone();
  if (encryption !== undefined) info.mediaEncryption = encryption;
  upgradeMedia(info);
  info.mediaEncryption = info.media?.encryption ?? SIPMediaEncryption.SIP_MEDIA_ENCRYPT_DISABLE;
}

const firstError = (...checks: (() => GoError | undefined)[]) => {
  for (const check of checks) {
    const err = check();
    if (err !== undefined) return err;
  }
  return undefined;
};

/** Optional scalars of an update overwrite their field when present, even with `""`. */
function overwrite<T, K extends keyof T>(info: T, update: { readonly [P in K]?: T[P] }, keys: readonly K[]): void {
  for (const key of keys) {
    const value = update[key];
    if (value !== undefined) info[key] = value as T[K];
  }
}

type ListFields<T> = { [P in keyof T]: T[P] extends string[] ? P : never }[keyof T];

/** Each list field takes its `ListUpdate`, if any. */
function editLists<T, K extends ListFields<T>>(info: T, update: { readonly [P in K]?: ListUpdate }, keys: readonly K[]): void {
  for (const key of keys) info[key] = applyListUpdate(info[key] as string[], update[key]) as T[K];
}

export const validateInboundTrunkUpdate = (u: SIPInboundTrunkUpdate) =>
  firstError(
    () => validateListUpdate(u.numbers),
    () => validateListUpdate(u.allowedAddresses),
    () => validateListUpdate(u.allowedNumbers),
    () => validateMediaConfig(u.media),
  );

export function applyInboundTrunkUpdate(stored: SIPInboundTrunkInfo, u: SIPInboundTrunkUpdate): SIPInboundTrunkInfo | GoError {
  const invalid = validateInboundTrunkUpdate(u);
  if (invalid !== undefined) return invalid;
  const info = stored.clone();
  editLists(info, u, ["numbers", "allowedAddresses", "allowedNumbers"]);
  overwrite(info, u, ["authUsername", "authPassword", "authRealm", "name", "metadata"]);
  updateMediaConfig(info, u.media, u.mediaEncryption);
  return validateInboundTrunk(info) ?? info;
}

export const validateOutboundTrunkUpdate = (u: SIPOutboundTrunkUpdate) =>
  firstError(
    () => validateListUpdate(u.numbers),
    () => validateMediaConfig(u.media),
  );

export function applyOutboundTrunkUpdate(stored: SIPOutboundTrunkInfo, u: SIPOutboundTrunkUpdate): SIPOutboundTrunkInfo | GoError {
  const invalid = validateOutboundTrunkUpdate(u);
  if (invalid !== undefined) return invalid;
  const info = stored.clone();
  editLists(info, u, ["numbers"]);
  overwrite(info, u, ["address", "transport", "destinationCountry", "authUsername", "authPassword", "name", "metadata", "fromHost"]);
  updateMediaConfig(info, u.media, u.mediaEncryption);
  return validateOutboundTrunk(info) ?? info;
}

export const validateDispatchRuleUpdate = (u: SIPDispatchRuleUpdate) =>
  firstError(
    () => validateListUpdate(u.trunkIds),
    () => validateMediaConfig(u.media),
  );

export function applyDispatchRuleUpdate(stored: SIPDispatchRuleInfo, u: SIPDispatchRuleUpdate): SIPDispatchRuleInfo | GoError {
  const invalid = validateDispatchRuleUpdate(u);
  if (invalid !== undefined) return invalid;
  const info = stored.clone();
  editLists(info, u, ["trunkIds"]);
  if (u.rule !== undefined) info.rule = u.rule.clone();
  overwrite(info, u, ["name", "metadata"]);
  info.attributes = applyMapDiff(info.attributes, u.attributes);
  updateMediaConfig(info, u.media, u.mediaEncryption);
  return validateDispatchRule(info) ?? info;
}
