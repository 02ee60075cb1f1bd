import type { TokenGrants } from "../../livekit/accessToken";
import { invalidArgument, toTwirpError, TwirpError, type LiveKitError } from "../../livekit/twirp";
import type { MonotonicClock } from "../clock";
import type { SipStore } from "../store/sipStore";

/** What a Twirp handler gets besides its request. Handlers answer failures by throwing `TwirpError`. */
export interface HandlerContext {
  /** Grants of the request's token; undefined when the request carried none. */
  readonly grants: TokenGrants | undefined;
  readonly store: SipStore;
  readonly clock: MonotonicClock;
  readonly ossUpdateConflictGap: boolean;
  /** Set `created_at` and `updated_at` as LiveKit Cloud does (`mode: "cloud"`). */
  readonly timestamps: boolean;
  /** The ID to give the object this request creates, when the emulator accepts ID hints. */
  readonly idHint?: string;
}

// livekit `twirpAuthError`: the code is `unauthenticated` even though the token was fine.
const permissionDenied = () => new TwirpError("unauthenticated", "permissions denied");

/** `EnsureSIPAdminPermission`, the first statement of every trunk and dispatch-rule handler. */
export function requireSipAdmin(ctx: HandlerContext): void {
  if (ctx.grants?.sip?.admin !== true) throw permissionDenied();
}

/** `EnsureSIPCallPermission`, for placing and transferring calls. */
export function requireSipCall(ctx: HandlerContext): void {
  if (ctx.grants?.sip?.call !== true) throw permissionDenied();
}

/** `EnsureAdminPermission(room)`: `video.roomAdmin` for exactly that room. */
export function requireRoomAdmin(ctx: HandlerContext, room: string): void {
  const video = ctx.grants?.video;
  if (video?.roomAdmin !== true || video.room !== room) throw permissionDenied();
}

/** A request validation failure, which handlers wrap as `invalid_argument`. */
export function rejectInvalid(err: LiveKitError | undefined): void {
  if (err !== undefined) throw invalidArgument(err);
}

/** An error a handler returns unwrapped (update apply, conflict walk): see `toTwirpError`. */
export function rejectUnwrapped(err: LiveKitError | undefined): void {
  if (err !== undefined) throw toTwirpError(err);
}

export const trunkNotFound = () => new TwirpError("not_found", "requested sip trunk does not exist");
export const dispatchRuleNotFound = () => new TwirpError("not_found", "requested sip dispatch rule does not exist");
