import type { Message } from "@bufbuild/protobuf";
import type { TwirpError } from "../../livekit/twirp";
import { messageToJson } from "./protojson";

/** A complete HTTP answer, built before anything is written so a fault can still replace it. */
export interface HttpReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export type BodyFormat = "json" | "protobuf";

function reply(status: number, contentType: string, body: Buffer, extraHeaders: Record<string, string> = {}): HttpReply {
  return { status, body, headers: { "Content-Type": contentType, "Content-Length": String(body.length), ...extraHeaders } };
}

/** Go's encoding/json escapes these inside strings; JSON.stringify does not. */
const goJsonEscapes: Readonly<Record<string, string>> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

export const goJsonStringify = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => goJsonEscapes[ch]);

/** Twirp errors are always JSON, with exactly this Content-Type (the JS SDK compares it verbatim). */
export const twirpErrorReply = (err: TwirpError, status = err.httpStatus, extraHeaders?: Record<string, string>): HttpReply =>
  reply(status, "application/json", Buffer.from(goJsonStringify(err.toJSON()), "utf8"), extraHeaders);

/** What Go's `http.ResponseWriter` sniffs for a text body written without a Content-Type. */
export const textReply = (status: number, text: string): HttpReply =>
  reply(status, "text/plain; charset=utf-8", Buffer.from(text, "utf8"));

export function messageReply(message: Message, format: BodyFormat): HttpReply {
  if (format === "protobuf") return reply(200, "application/protobuf", Buffer.from(message.toBinary()));
  return reply(200, "application/json", Buffer.from(JSON.stringify(messageToJson(message)), "utf8"));
}

export const emptyReply = (status: number, headers: Record<string, string> = {}): HttpReply => ({
  status,
  headers,
  body: Buffer.alloc(0),
});
