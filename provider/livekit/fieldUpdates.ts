import {
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

const overwrite = <T>(current: T, update: T | undefined): T => (update === undefined ? current : update);

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
  info.numbers = applyListUpdate(info.numbers, u.numbers);
  info.allowedAddresses = applyListUpdate(info.allowedAddresses, u.allowedAddresses);
  info.allowedNumbers = applyListUpdate(info.allowedNumbers, u.allowedNumbers);
  info.authUsername = overwrite(info.authUsername, u.authUsername);
  info.authPassword = overwrite(info.authPassword, u.authPassword);
  info.authRealm = overwrite(info.authRealm, u.authRealm);
  info.name = overwrite(info.name, u.name);
  info.metadata = overwrite(info.metadata, u.metadata);
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
  info.address = overwrite(info.address, u.address);
  info.transport = overwrite(info.transport, u.transport);
  info.destinationCountry = overwrite(info.destinationCountry, u.destinationCountry);
  info.numbers = applyListUpdate(info.numbers, u.numbers);
  info.authUsername = overwrite(info.authUsername, u.authUsername);
  info.authPassword = overwrite(info.authPassword, u.authPassword);
  info.name = overwrite(info.name, u.name);
  info.metadata = overwrite(info.metadata, u.metadata);
  info.fromHost = overwrite(info.fromHost, u.fromHost);
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
  info.trunkIds = applyListUpdate(info.trunkIds, u.trunkIds);
  if (u.rule !== undefined) info.rule = u.rule.clone();
  info.name = overwrite(info.name, u.name);
  info.metadata = overwrite(info.metadata, u.metadata);
  info.attributes = applyMapDiff(info.attributes, u.attributes);
  updateMediaConfig(info, u.media, u.mediaEncryption);
  return validateDispatchRule(info) ?? info;
}
