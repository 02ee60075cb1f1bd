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

/**
 * Why no answer arrived, from the error fetch gives (its `cause` carries the system code). A
 * refused connection, an unknown host and a certificate LiveKit's URL does not match will fail the
 * same way on every try; a timeout or a dropped connection may not.
 */
export function connectionProblem(error: unknown): { cause: string; permanent: boolean } {
  const inner = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = inner?.code ?? (error as { code?: string })?.code ?? "";
  const name = (error as Error)?.name;
  if (name === "TimeoutError" || name === "AbortError") return { cause: "no answer within the request timeout (LIVEKIT_REQUEST_TIMEOUT / livekit:requestTimeout)", permanent: false };
  if (code === "ECONNREFUSED") return { cause: "connection refused: nothing listens at that address and port", permanent: true };
  if (code === "ENOTFOUND") return { cause: "the host name does not resolve (DNS)", permanent: true };
  if (code === "EAI_AGAIN") return { cause: "DNS did not answer in time", permanent: false };
  if (/CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO_VERIFY/.test(code)) return { cause: `TLS: ${inner?.message ?? code}`, permanent: true };
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return { cause: "the host cannot be reached from this machine", permanent: false };
  return { cause: inner?.message ?? (error as Error)?.message ?? String(error), permanent: false };
}

/** A failure where no answer arrived: the request may or may not have been applied. */
export class LiveKitTransportError extends Error {
  /** The same request will fail the same way: retrying only delays the error. */
  readonly permanent: boolean;

  constructor(
    readonly method: string,
    override readonly cause: unknown,
    /** Where the request went, for the message. */
    readonly url?: string,
  ) {
    const problem = connectionProblem(cause);
    super(`no answer from LiveKit${url ? ` at ${url}` : ""} for ${method}: ${problem.cause}`);
    this.permanent = problem.permanent;
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
  if (error instanceof LiveKitTransportError) return !error.permanent;
  return error instanceof LiveKitApiError && (transientStatuses.has(error.status) || transientCodes.has(error.code));
}
