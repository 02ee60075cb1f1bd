import type { Failure } from "./definition";

/**
 * Username and password only work together: an inbound trunk with just one of them lets calls in
 * unauthenticated (LiveKit challenges only when both are set), and an outbound trunk cannot answer
 * the provider's challenge.
 */
export function authPairing(args: { authUsername?: string; authPassword?: string }, consequence: string): Failure[] {
  if (!!args.authUsername === !!args.authPassword) return [];
  const [set, missing] = args.authUsername ? ["authUsername", "authPassword"] : ["authPassword", "authUsername"];
  return [{ property: missing, reason: `${set} is set without ${missing}: ${consequence}; set both or neither` }];
}
