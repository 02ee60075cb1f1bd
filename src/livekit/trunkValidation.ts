import { validateAttributesToHeaders, validateHeaders, validateHeadersToAttributes } from "./headers";
import { validateMediaConfig } from "./media";
import { GoError } from "./twirp";
import type { InboundTrunkLike, OutboundTrunkLike } from "./types";

/**
 * Field rules of trunks as `SIPInboundTrunkInfo.ValidateResult` / `SIPOutboundTrunkInfo.ValidateResult`
 * check them (protocol `livekit/sip.go`). The first failure wins, in LiveKit's order.
 * Phone numbers, addresses, transport and destination country are deliberately not checked:
 * LiveKit does not check them either.
 */

const nonEmpty = (list: readonly unknown[] | undefined) => (list?.length ?? 0) > 0;

export const INBOUND_SECURITY_MESSAGE =
  "for security, one of the fields must be set: AuthUsername+AuthPassword, AllowedAddresses or Numbers";

function validateHeaderMaps(trunk: InboundTrunkLike | OutboundTrunkLike): GoError | undefined {
  return (
    validateHeaders(trunk.headers) ??
    validateAttributesToHeaders(trunk.attributesToHeaders) ??
    validateHeadersToAttributes(trunk.headersToAttributes)
  );
}

export function validateInboundTrunk(trunk: InboundTrunkLike): GoError | undefined {
  // Username *or* password is enough here: LiveKit only pairs them at call time.
  const hasAuth = (trunk.authUsername ?? "") !== "" || (trunk.authPassword ?? "") !== "";
  if (!hasAuth && !nonEmpty(trunk.allowedAddresses) && !nonEmpty(trunk.numbers)) {
    // A psrpc error in LiveKit: returned unwrapped (after a field update) it gets the Twirp prefix.
    return GoError.psrpc("invalid_argument", INBOUND_SECURITY_MESSAGE);
  }
  return validateMediaConfig(trunk.media) ?? validateHeaderMaps(trunk);
}

/** `validateHostnameFormat`: a host name or IP (optionally with port), never a SIP URI. */
export function hostnameFormatError(value: string, fieldName: string): GoError | undefined {
  if (value.includes("transport=")) return GoError.plain(`${fieldName} should not contain transport parameter`);
  if (/[@;]/.test(value) || value.startsWith("sip:") || value.startsWith("sips:")) {
    return GoError.plain(`${fieldName} should be a hostname or IP, not SIP URI`);
  }
  return undefined;
}

export function validateOutboundTrunk(trunk: OutboundTrunkLike): GoError | undefined {
  if (!nonEmpty(trunk.numbers)) return GoError.plain("no trunk numbers specified");
  const address = trunk.address ?? "";
  if (address === "") return GoError.plain("no outbound address specified");
  return (
    hostnameFormatError(address, "trunk address") ??
    hostnameFormatError(trunk.fromHost ?? "", "from_host") ??
    validateHeaderMaps(trunk) ??
    validateMediaConfig(trunk.media)
  );
}
