import {
  CreateSIPParticipantRequest,
  SIPParticipantInfo,
  TransferSIPParticipantRequest,
  TransferSIPParticipantResponse,
} from "@livekit/protocol";
import { upgradeMedia } from "../../livekit/fieldUpdates";
import { validateCreateParticipant, validateTransferParticipant } from "../../livekit/participantValidation";
import { GoError, toTwirpError, type TwirpError } from "../../livekit/twirp";
import { rejectInvalid, requireRoomAdmin, requireSipCall, trunkNotFound, type HandlerContext } from "./context";

/**
 * Calls need a SIP media node, which the emulator does not have. Both methods therefore run every
 * check LiveKit runs before it reaches for one, and then answer what an OSS server whose SIP
 * service is not running answers. All of LiveKit's psrpc errors here come back unwrapped, with
 * the `twirp error unknown: ` prefix.
 */

const psrpc = (code: TwirpError["code"], message: string) => toTwirpError(GoError.psrpc(code, message));

export function createParticipant(req: CreateSIPParticipantRequest, ctx: HandlerContext): SIPParticipantInfo {
  requireSipCall(ctx);
  upgradeMedia(req);
  rejectInvalid(validateCreateParticipant(req));
  const trunk = req.sipTrunkId === "" ? undefined : ctx.store.get("outboundTrunk", req.sipTrunkId);
  if (req.sipTrunkId !== "" && trunk === undefined) throw trunkNotFound();
  if (req.sipNumber === "" && (trunk?.numbers.length ?? 0) === 0) {
    throw psrpc("failed_precondition", "no numbers on outbound trunk");
  }
  // psrpc finds no SIP service to claim the call.
  throw psrpc("unavailable", "no response from servers");
}

export function transferParticipant(req: TransferSIPParticipantRequest, ctx: HandlerContext): TransferSIPParticipantResponse {
  // These two are checked before the grants, as psrpc errors.
  if (req.roomName === "") throw psrpc("invalid_argument", "Missing room name");
  if (req.participantIdentity === "") throw psrpc("invalid_argument", "Missing participant identity");
  requireSipCall(ctx);
  requireRoomAdmin(ctx, req.roomName);
  rejectInvalid(validateTransferParticipant(req));
  // There are no rooms, so the participant lookup fails as it does for an unknown participant.
  throw psrpc("not_found", "participant does not exist");
}
