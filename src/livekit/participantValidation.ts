import { COUNTRY_CODES } from "./countryCodes";
import { goUnquotes } from "./goUnquote";
import { validateAttributesToHeaders, validateHeaders, validateHeadersToAttributes } from "./headers";
import { validateMediaConfig } from "./media";
import { hostnameFormatError } from "./trunkValidation";
import { GoError } from "./twirp";
import type { MediaConfigLike, StringMap } from "./types";

/**
 * Request checks of CreateSIPParticipant and TransferSIPParticipant (protocol `livekit/sip.go`
 * `CreateSIPParticipantRequest.ValidateResult`, `Destination.Validate`,
 * `TransferSIPParticipantRequest.ValidateResult`). All failures are plain Go errors.
 */

export interface OutboundConfigLike {
  readonly hostname?: string;
  readonly fromHost?: string;
  readonly headersToAttributes?: StringMap;
  readonly attributesToHeaders?: StringMap;
}

export interface DestinationLike {
  readonly city?: string;
  readonly country?: string;
  readonly region?: string;
}

export interface CreateParticipantLike {
  readonly sipTrunkId?: string;
  readonly trunk?: OutboundConfigLike;
  readonly sipNumber?: string;
  readonly sipCallTo?: string;
  readonly roomName?: string;
  readonly displayName?: string;
  readonly destination?: DestinationLike;
  readonly headers?: StringMap;
  readonly media?: MediaConfigLike;
}

export interface TransferParticipantLike {
  readonly roomName?: string;
  readonly participantIdentity?: string;
  readonly transferTo?: string;
  readonly headers?: StringMap;
}

const fail = (message: string) => GoError.plain(message);

export function validateOutboundConfig(trunk: OutboundConfigLike): GoError | undefined {
  const hostname = trunk.hostname ?? "";
  if (hostname === "") return fail("no outbound hostname specified");
  return (
    hostnameFormatError(hostname, "trunk hostname") ??
    hostnameFormatError(trunk.fromHost ?? "", "from_host") ??
    validateAttributesToHeaders(trunk.attributesToHeaders) ??
    validateHeadersToAttributes(trunk.headersToAttributes)
  );
}

const COUNTRY_MESSAGE = "country must be a valid ISO 3166-1 alpha-2 code (2-letter like 'US', 'IN', 'UK')";

export function validateDestination(destination: DestinationLike | undefined): GoError | undefined {
  if (destination == null) return undefined;
  const country = destination.country ?? "";
  if ((destination.city ?? "") !== "" && country === "" && (destination.region ?? "") === "") {
    return fail("if city is specified, country or region must also be specified");
  }
  // golang.org/x/text's ParseRegion takes the alias UK for GB (the message itself offers it).
  if (country !== "" && country !== "UK" && !COUNTRY_CODES.has(country)) return fail(COUNTRY_MESSAGE);
  return undefined;
}

function validateCallee(req: CreateParticipantLike): GoError | undefined {
  const callTo = req.sipCallTo ?? "";
  if (callTo === "") return fail("missing sip callee number");
  if (callTo.includes("@")) return fail("SipCallTo should be a phone number or SIP user, not a full SIP URI");
  // LiveKit v1.13.5 does not check to_user_override (later versions do).
  return undefined;
}

function validateDisplayName(displayName: string | undefined): GoError | undefined {
  if (displayName === undefined) return undefined;
  if (Buffer.byteLength(displayName, "utf8") > 128) return fail("DisplayName too long (max 128 characters)");
  if (!goUnquotes(`"${displayName}"`)) return fail("DisplayName must be a valid quoted string: invalid syntax");
  return undefined;
}

export function validateCreateParticipant(req: CreateParticipantLike): GoError | undefined {
  if ((req.sipTrunkId ?? "") === "" && req.trunk == null && (req.sipNumber ?? "") === "") {
    return fail("missing sip trunk id and sip number");
  }
  if (req.trunk != null) {
    const err = validateOutboundConfig(req.trunk);
    if (err !== undefined) return err;
  }
  return (
    validateCallee(req) ??
    ((req.roomName ?? "") === "" ? fail("missing room name") : undefined) ??
    validateDisplayName(req.displayName) ??
    validateDestination(req.destination) ??
    validateHeaders(req.headers) ??
    validateMediaConfig(req.media)
  );
}

export function validateTransferParticipant(req: TransferParticipantLike): GoError | undefined {
  if ((req.roomName ?? "") === "") return fail("missing room name");
  if ((req.participantIdentity ?? "") === "") return fail("missing participant identity");
  const target = req.transferTo ?? "";
  if (target === "") return fail("missing transfer to");
  const inner = target.startsWith("<") && target.endsWith(">") ? target.slice(1, -1) : target;
  if (!["sip:", "sips:", "tel:"].some((scheme) => inner.startsWith(scheme))) {
    return fail("transfer_to must be a valid SIP(s) or TEL URI (sip:, sips: or tel:)");
  }
  return validateHeaders(req.headers);
}
