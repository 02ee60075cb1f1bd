/** An error answered by LiveKit (or by something in front of it) for one API call. */
export class LiveKitApiError extends Error {
  constructor(
    readonly method: string,
    readonly status: number,
    /** The Twirp error code, e.g. `invalid_argument`; `unknown` when the body was not Twirp JSON. */
    readonly code: string,
    readonly detail: string,
    readonly meta: Record<string, string> = {},
    /** How long the server asked us to wait before trying again (`Retry-After`), if it did. */
    readonly retryAfterMs?: number,
  ) {
    super(`${detail} (${code})`);
    this.name = "LiveKitApiError";
  }
}

/** A failure where no answer arrived: the request may or may not have been applied. */
export class LiveKitTransportError extends Error {
  constructor(
    readonly method: string,
    override readonly cause: unknown,
  ) {
    super(`no answer from LiveKit for ${method}: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = "LiveKitTransportError";
  }
}

export const isNotFound = (e: unknown) => e instanceof LiveKitApiError && e.code === "not_found";

const transientStatuses = new Set([429, 502, 503, 504]);
const transientCodes = new Set(["unavailable", "resource_exhausted", "deadline_exceeded"]);

/**
 * Failures worth trying again: LiveKit or the network was briefly unable to answer. Validation,
 * conflicts, auth and missing objects are never transient: the same request would fail again.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof LiveKitTransportError) return true;
  return error instanceof LiveKitApiError && (transientStatuses.has(error.status) || transientCodes.has(error.code));
}
