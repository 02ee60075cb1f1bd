import type { Message } from "@bufbuild/protobuf";
import { goQuote } from "../livekit/goQuote";
import { GoError, toTwirpError, TwirpError } from "../livekit/twirp";
import type { HandlerContext } from "./handlers/context";
import { SERVICES, type MethodSpec } from "./methods";
import { messageReply, twirpErrorReply, type BodyFormat, type HttpReply } from "./wire/httpReply";
import { decodeJsonRequest, decodeProtobufRequest } from "./wire/requestBody";

/**
 * The generated Twirp servers of `livekit.SIP` (twirp v8 `sIPServer.ServeHTTP`) and
 * `livekit.PhoneNumberService`: method, path and Content-Type checks (`bad_route`), body decoding
 * (`malformed`), then the handler.
 */

const SERVICE_PATH_PREFIXES = [...SERVICES.keys()].map((service) => `/twirp/${service}/`);

/** Whether a path belongs to one of the served Twirp services (anything else is a plain 404). */
export const isServicePath = (path: string): boolean => SERVICE_PATH_PREFIXES.some((prefix) => path.startsWith(prefix));

export interface TwirpRequest {
  readonly httpMethod: string;
  /** URL path, already unescaped. */
  readonly path: string;
  readonly contentType: string | undefined;
  readonly body: Buffer;
  /** The body went over the size limit and was cut off. */
  readonly bodyTooLarge: boolean;
}

/** The Twirp method name of a path inside a service, when the service has such a method. */
export function twirpMethodOf(path: string): string | undefined {
  const prefix = SERVICE_PATH_PREFIXES.find((p) => path.startsWith(p));
  if (prefix === undefined) return undefined;
  const name = path.slice(prefix.length);
  return SERVICES.get(prefix.slice("/twirp/".length, -1))?.has(name) ? name : undefined;
}

/** `parseTwirpPath`: `[<prefix>]/<package.Service>/<Method>`. */
function parseTwirpPath(path: string): { prefix: string; service: string; method: string } {
  const parts = path.split("/");
  if (parts.length < 2) return { prefix: "", service: "", method: "" };
  return { prefix: parts.slice(0, -2).join("/"), service: parts[parts.length - 2], method: parts[parts.length - 1] };
}

function bodyFormat(contentType: string | undefined): BodyFormat | undefined {
  const mediaType = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (mediaType === "application/json") return "json";
  if (mediaType === "application/protobuf") return "protobuf";
  return undefined;
}

function decodeBody(req: TwirpRequest, format: BodyFormat, spec: MethodSpec): Message | TwirpError {
  if (format === "json") {
    const message = req.bodyTooLarge ? undefined : decodeJsonRequest(spec.request, req.body);
    return message ?? new TwirpError("malformed", "the json request could not be decoded");
  }
  if (req.bodyTooLarge) return new TwirpError("malformed", "failed to read request body");
  return decodeProtobufRequest(spec.request, req.body) ?? new TwirpError("malformed", "the protobuf request could not be decoded");
}

export async function serveTwirp(req: TwirpRequest, ctx: HandlerContext): Promise<HttpReply> {
  const badRoute = (msg: string) =>
    twirpErrorReply(new TwirpError("bad_route", msg, { twirp_invalid_route: `${req.httpMethod} ${req.path}` }));
  if (req.httpMethod !== "POST") return badRoute(`unsupported method ${goQuote(req.httpMethod)} (only POST is allowed)`);
  const noHandler = () => badRoute(`no handler for path ${goQuote(req.path)}`);
  const { prefix, service, method } = parseTwirpPath(req.path);
  const methods = SERVICES.get(service);
  if (methods === undefined) return noHandler();
  if (prefix !== "/twirp") {
    return badRoute(`invalid path prefix ${goQuote(prefix)}, expected ${goQuote("/twirp")}, on path ${goQuote(req.path)}`);
  }
  const spec = methods.get(method);
  if (spec === undefined) return noHandler();
  const format = bodyFormat(req.contentType);
  if (format === undefined) return badRoute(`unexpected Content-Type: ${goQuote(req.contentType ?? "")}`);
  const request = decodeBody(req, format, spec);
  if (request instanceof TwirpError) return twirpErrorReply(request);
  try {
    return messageReply(await spec.handle(request, ctx), format);
  } catch (err) {
    if (err instanceof TwirpError) return twirpErrorReply(err);
    // Anything else (a failed state-file write, say) is a plain Go error returned by a handler.
    return twirpErrorReply(toTwirpError(GoError.plain((err as Error).message)));
  }
}
