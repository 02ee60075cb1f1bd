import { bearerToken, verifyAccessToken, type TokenGrants } from "../../livekit/accessToken";
import { textReply, type HttpReply } from "../wire/httpReply";

/**
 * LiveKit's `APIKeyAuthMiddleware`: it runs before Twirp, so its failures are plain-text 401s.
 * A request without any token passes with no grants; the handler then refuses it in Twirp form.
 */
export type AuthOutcome = { readonly ok: true; readonly grants?: TokenGrants } | { readonly ok: false; readonly reply: HttpReply };

export function authenticate(
  authorization: string | undefined,
  accessTokenParam: string | null,
  secretFor: (apiKey: string) => string | undefined,
): AuthOutcome {
  const bearer = bearerToken(authorization, accessTokenParam);
  if (!bearer.ok) return { ok: false, reply: textReply(401, bearer.message) };
  if (bearer.token === "") return { ok: true };
  const check = verifyAccessToken(bearer.token, secretFor);
  if (!check.ok) return { ok: false, reply: textReply(401, check.message) };
  return { ok: true, grants: check.grants };
}
