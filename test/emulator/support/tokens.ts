import { createHmac } from "node:crypto";

/** Hand-made JWTs, so tests control every claim (the SDK's AccessToken always sets exp and nbf). */

const b64url = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function signJwt(payload: unknown, secret: string, header: unknown = { alg: "HS256", typ: "JWT" }): string {
  const signingInput = `${b64url(header)}.${b64url(payload)}`;
  const signature = createHmac("sha256", secret).update(signingInput).digest("base64url");
  return `${signingInput}.${signature}`;
}

export interface TokenClaims {
  readonly iss?: string;
  readonly exp?: number;
  readonly nbf?: number;
  readonly sip?: unknown;
  readonly video?: unknown;
  readonly [claim: string]: unknown;
}

/** A token for `devkey`/`secret` with `sip.admin`, valid for 10 minutes unless overridden. */
export function token(claims: TokenClaims = {}, secret = "secret"): string {
  return signJwt({ iss: "devkey", exp: nowSeconds() + 600, sip: { admin: true }, ...claims }, secret);
}

export const adminToken = () => token();
export const callToken = () => token({ sip: { call: true } });
