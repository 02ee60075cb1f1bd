import { LiveKitApiError, LiveKitTransportError } from "../client/errors";
import type { ResourceDefinition } from "../resources/definition";

const hints: [RegExp, string][] = [
  [/^Conflicting inbound SIP Trunks/, "another inbound trunk already answers these numbers; give one of them distinct allowedNumbers, or remove the number from the other trunk first"],
  [/^Dispatch rule for the same trunk/, "another dispatch rule already routes calls with this pin on these trunks and numbers; change the pin, trunkIds, numbers or inboundNumbers of one of them"],
  [/permissions denied|invalid API key|invalid authorization token|invalid token/, "check livekit:apiKey and livekit:apiSecret (or LIVEKIT_API_KEY / LIVEKIT_API_SECRET); the key needs the SIP admin permission"],
];

/**
 * `<Type> "<resource name>": <LiveKit message> (<twirp code>)`, plus what we know about the cause.
 * LiveKit's messages never echo passwords, and neither does anything added here.
 */
export function describeFailure(definition: ResourceDefinition, resourceName: string | undefined, action: string, error: unknown): Error {
  const subject = `${definition.type} "${resourceName ?? "?"}"`;
  if (error instanceof LiveKitApiError) {
    const hint = hints.find(([pattern]) => pattern.test(error.detail))?.[1];
    return new Error(`${subject}: ${error.detail} (${error.code})${hint ? `. Hint: ${hint}` : ""}`);
  }
  if (error instanceof LiveKitTransportError) {
    return new Error(`${subject}: ${action} failed: ${error.message}`);
  }
  return new Error(`${subject}: ${action} failed: ${(error as Error)?.message ?? String(error)}`);
}
