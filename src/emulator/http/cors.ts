import type { IncomingHttpHeaders } from "node:http";
import { emptyReply, type HttpReply } from "../wire/httpReply";

/**
 * LiveKit allows every origin (rs/cors with an allow-all origin function, any header, a day of
 * preflight caching) and relies on tokens instead, so browser tools work against it too.
 */

const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The answer to a CORS preflight, or undefined when the request is not one. */
export function preflightReply(method: string | undefined, headers: IncomingHttpHeaders): HttpReply | undefined {
  const requestedMethod = header(headers, "access-control-request-method");
  if (method !== "OPTIONS" || requestedMethod === undefined || requestedMethod === "") return undefined;
  const origin = header(headers, "origin");
  const vary = { Vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers" };
  if (origin === undefined || origin === "") return emptyReply(204, vary);
  const requestedHeaders = header(headers, "access-control-request-headers");
  return emptyReply(204, {
    ...vary,
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Methods": requestedMethod.toUpperCase(),
    ...(requestedHeaders ? { "Access-Control-Allow-Headers": requestedHeaders } : {}),
    "Access-Control-Max-Age": "86400",
  });
}

/** Headers added to every other answer. */
export function corsHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const origin = header(headers, "origin");
  if (origin === undefined || origin === "") return { Vary: "Origin" };
  return { Vary: "Origin", "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": "*" };
}
