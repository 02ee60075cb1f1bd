/**
 * Twirp error codes, their HTTP statuses and the error shapes LiveKit's Go code produces.
 *
 * LiveKit handlers return three kinds of Go errors, and the kind decides what reaches the wire
 * (protocol `utils/xtwirp/errors.go` `ToError`, psrpc `errors.go`):
 * - a `twirp.Error` passes unchanged;
 * - a plain Go error (`errors.New`) becomes `unknown` (HTTP 500) with its text;
 * - a psrpc error keeps its code, but its text is rebuilt from twirp's `Error()`, so it gains the
 *   prefix `twirp error unknown: `.
 */

export const TWIRP_HTTP_STATUS = {
  canceled: 408,
  unknown: 500,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  // twirp maps this to 403, not 429 (twirp `ServerHTTPStatusFromErrorCode`).
  resource_exhausted: 403,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  data_loss: 500,
} as const;

export type TwirpErrorCode = keyof typeof TWIRP_HTTP_STATUS;

export const isTwirpErrorCode = (code: string): code is TwirpErrorCode => Object.hasOwn(TWIRP_HTTP_STATUS, code);

/** A Twirp error as the server sends it: `{"code", "msg", "meta"}` with the HTTP status of its code. */
export class TwirpError extends Error {
  constructor(
    readonly code: TwirpErrorCode,
    message: string,
    readonly meta: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "TwirpError";
  }

  get httpStatus(): number {
    return TWIRP_HTTP_STATUS[this.code];
  }

  /** The body fields in the order twirp's `marshalErrorToJSON` writes them; `meta` only when non-empty. */
  toJSON(): { code: TwirpErrorCode; msg: string; meta?: Record<string, string> } {
    const body: { code: TwirpErrorCode; msg: string; meta?: Record<string, string> } = { code: this.code, msg: this.message };
    const keys = Object.keys(this.meta).sort();
    if (keys.length > 0) body.meta = Object.fromEntries(keys.map((k) => [k, this.meta[k]]));
    return body;
  }
}

/**
 * A Go error that is not a Twirp error: plain (`errors.New`, `fmt.Errorf`) when `psrpcCode` is
 * absent, a psrpc error (`psrpc.NewErrorf(code, …)`) when present.
 */
export class GoError extends Error {
  constructor(
    message: string,
    readonly psrpcCode?: TwirpErrorCode,
  ) {
    super(message);
    this.name = "GoError";
  }

  static plain(message: string): GoError {
    return new GoError(message);
  }

  static psrpc(code: TwirpErrorCode, message: string): GoError {
    return new GoError(message, code);
  }
}

export type LiveKitError = TwirpError | GoError;

/** What a handler's error looks like on the wire when the handler returns it unwrapped (`xtwirp.ToError`). */
export function toTwirpError(err: LiveKitError): TwirpError {
  if (err instanceof TwirpError) return err;
  if (err.psrpcCode === undefined) return new TwirpError("unknown", err.message);
  return new TwirpError(err.psrpcCode, `twirp error unknown: ${err.message}`);
}

/** A validation failure wrapped by the handler: `twirp.NewError(twirp.InvalidArgument, err.Error())`. */
export const invalidArgument = (err: LiveKitError | string): TwirpError =>
  new TwirpError("invalid_argument", typeof err === "string" ? err : err.message);
