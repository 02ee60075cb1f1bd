import { createHmac, timingSafeEqual } from "node:crypto";
import { decodeRawUrlBase64 } from "./goBase64";

/**
 * Verification of LiveKit API tokens as the server does it (livekit-server v1.13.5
 * `pkg/service/auth.go`, protocol `auth/verifier.go`, golang-jwt v5), reproducing its error texts,
 * checked against that server by the differential tests:
 * - a token that does not even parse (segments, base64 of any of the three, registered claims):
 *   `invalid authorization token`;
 * - an unknown `iss` (API key): `invalid API key: <iss>`;
 * - any later failure: `invalid token: <the token>, error: <golang-jwt message>`.
 * HS256 only, `exp` optional, 60 s leeway on `exp` and `nbf`.
 */

export interface SipGrant {
  readonly admin: boolean;
  readonly call: boolean;
}

export interface VideoGrant {
  readonly roomAdmin: boolean;
  readonly room: string;
}

export interface TokenGrants {
  readonly apiKey: string;
  /** Absent when the token has no `sip` claim (or it is `null`). */
  readonly sip?: SipGrant;
  readonly video?: VideoGrant;
}

export type TokenCheck = { readonly ok: true; readonly grants: TokenGrants } | { readonly ok: false; readonly message: string };

export const TOKEN_LEEWAY_SECONDS = 60;

/** golang-jwt's `GetSigningMethod` registry: a known but non-HS256 alg fails later, with another text. */
const KNOWN_ALGS = new Set(["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA", "none"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const PARSE_FAILURE: TokenCheck = { ok: false, message: "invalid authorization token" };
const failure = (raw: string, jwtMessage: string): TokenCheck => ({ ok: false, message: `invalid token: ${raw}, error: ${jwtMessage}` });

const isObject = (v: Json | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

function parseJsonSegment(segment: string): Json | undefined {
  const decoded = decodeRawUrlBase64(segment);
  if (!decoded.ok) return undefined;
  try {
    return JSON.parse(decoded.bytes.toString("utf8")) as Json;
  } catch {
    return undefined;
  }
}

/** Go's encoding/json matches struct fields case-insensitively; the last matching key wins. */
function field(obj: JsonObject, name: string): Json | undefined {
  let found: Json | undefined;
  for (const [key, value] of Object.entries(obj)) if (key.toLowerCase() === name) found = value;
  return found;
}

const isNumericText = (s: string) => /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(s);

/** A `jwt.NumericDate` in whole seconds; `null` when absent; undefined when Go could not decode it. */
function numericDate(value: Json | undefined): number | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") return Math.trunc(value);
  if (typeof value === "string" && isNumericText(value)) return Math.trunc(Number(value));
  return undefined;
}

interface RegisteredClaims {
  readonly iss: string;
  readonly exp: number | null;
  readonly nbf: number | null;
}

/** Decoding into `jwt.RegisteredClaims`; a wrong type fails the whole parse, as in Go. */
function registeredClaims(claims: Json): RegisteredClaims | undefined {
  if (claims === null) return { iss: "", exp: null, nbf: null };
  if (!isObject(claims)) return undefined;
  for (const name of ["iss", "sub", "jti"]) {
    const v = field(claims, name);
    if (v !== undefined && v !== null && typeof v !== "string") return undefined;
  }
  const aud = field(claims, "aud");
  if (aud !== undefined && aud !== null && typeof aud !== "string" && !(Array.isArray(aud) && aud.every((a) => typeof a === "string"))) {
    return undefined;
  }
  const exp = numericDate(field(claims, "exp"));
  const nbf = numericDate(field(claims, "nbf"));
  if (exp === undefined || nbf === undefined || numericDate(field(claims, "iat")) === undefined) return undefined;
  return { iss: (field(claims, "iss") as string | null | undefined) ?? "", exp, nbf };
}

const jsonKind = (v: Json): string =>
  v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "object" ? "object" : typeof v === "boolean" ? "bool" : typeof v;

/** Reads one grant object, or gives Go's `UnmarshalTypeError` text for the first mistyped field. */
function grantObject<T>(
  claims: JsonObject,
  claim: string,
  goType: string,
  fields: Record<string, "bool" | "string">,
  build: (get: (name: string) => Json | undefined) => T,
): { value?: T; error?: string } {
  const raw = field(claims, claim);
  if (raw === undefined || raw === null) return {};
  // The grants are an embedded ClaimGrants in the server's tokenClaims, which Go names in the path.
  if (!isObject(raw)) return { error: `json: cannot unmarshal ${jsonKind(raw)} into Go struct field tokenClaims.ClaimGrants.${claim} of type auth.${goType}` };
  for (const [name, kind] of Object.entries(fields)) {
    const v = field(raw, name.toLowerCase());
    if (v !== undefined && v !== null && jsonKind(v) !== kind) {
      return { error: `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${goType}.ClaimGrants.${claim}.${name} of type ${kind}` };
    }
  }
  return { value: build((name) => field(raw, name.toLowerCase())) };
}

function grantsOf(claims: JsonObject, apiKey: string): TokenGrants | string {
  const sip = grantObject(claims, "sip", "SIPGrant", { admin: "bool", call: "bool" }, (get) => ({
    admin: get("admin") === true,
    call: get("call") === true,
  }));
  const video = grantObject(claims, "video", "VideoGrant", { roomAdmin: "bool", room: "string" }, (get) => ({
    roomAdmin: get("roomAdmin") === true,
    room: (get("room") as string | null | undefined) ?? "",
  }));
  const error = sip.error ?? video.error;
  if (error !== undefined) return error;
  return { apiKey, sip: sip.value, video: video.value };
}

function signatureValid(signingInput: string, signature: Buffer, secret: string): boolean {
  const expected = createHmac("sha256", Buffer.from(secret, "utf8")).update(signingInput, "latin1").digest();
  return expected.length === signature.length && timingSafeEqual(expected, signature);
}

function claimsProblems(claims: RegisteredClaims, nowSeconds: number): string[] {
  const problems: string[] = [];
  if (claims.exp !== null && !(nowSeconds < claims.exp + TOKEN_LEEWAY_SECONDS)) problems.push("token is expired");
  if (claims.nbf !== null && nowSeconds < claims.nbf - TOKEN_LEEWAY_SECONDS) problems.push("token is not valid yet");
  return problems;
}

/**
 * Checks a raw JWT. `secretFor` maps an API key to its secret (undefined when unknown);
 * `nowSeconds` is the current time in (fractional) Unix seconds.
 */
export function verifyAccessToken(
  raw: string,
  secretFor: (apiKey: string) => string | undefined,
  nowSeconds: number = Date.now() / 1000,
): TokenCheck {
  const parts = raw.split(".");
  if (parts.length !== 3) return PARSE_FAILURE;
  const header = parseJsonSegment(parts[0]);
  const claims = parseJsonSegment(parts[1]);
  if (header === undefined || claims === undefined || !(header === null || isObject(header))) return PARSE_FAILURE;
  const alg = header === null ? undefined : header["alg"];
  if (typeof alg !== "string" || !KNOWN_ALGS.has(alg)) return PARSE_FAILURE;
  const registered = registeredClaims(claims);
  if (registered === undefined) return PARSE_FAILURE;

  // golang-jwt's ParseUnverified decodes the signature too, so a mangled one fails the parse.
  const signature = decodeRawUrlBase64(parts[2]);
  if (!signature.ok) return PARSE_FAILURE;

  const secret = registered.iss === "" ? undefined : secretFor(registered.iss);
  if (secret === undefined || secret === "") return { ok: false, message: `invalid API key: ${registered.iss}` };

  const grants = isObject(claims) ? grantsOf(claims, registered.iss) : { apiKey: registered.iss };
  if (typeof grants === "string") return failure(raw, `token is malformed: could not JSON decode claim: ${grants}`);
  if (alg !== "HS256") return failure(raw, `token signature is invalid: signing method ${alg} is invalid`);
  if (!signatureValid(`${parts[0]}.${parts[1]}`, signature.bytes, secret)) {
    return failure(raw, "token signature is invalid: signature is invalid");
  }
  const problems = claimsProblems(registered, nowSeconds);
  if (problems.length > 0) return failure(raw, `token has invalid claims: ${problems.join("\n")}`);
  return { ok: true, grants };
}

/** The token of a request: `Authorization: Bearer …`, else the `access_token` query parameter. */
export type BearerToken = { readonly ok: true; readonly token: string } | { readonly ok: false; readonly message: string };

export function bearerToken(authorization: string | undefined, accessTokenParam: string | null | undefined): BearerToken {
  if (authorization !== undefined && authorization !== "") {
    if (!authorization.startsWith("Bearer ")) {
      return { ok: false, message: "invalid authorization header. Must start with Bearer " };
    }
    return { ok: true, token: authorization.slice("Bearer ".length) };
  }
  return { ok: true, token: accessTokenParam ?? "" };
}
