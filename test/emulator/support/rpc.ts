import type { Message, MessageType } from "@bufbuild/protobuf";
import {
  GetSIPInboundTrunkResponse,
  GetSIPOutboundTrunkResponse,
  ListSIPDispatchRuleResponse,
  ListSIPInboundTrunkResponse,
  ListSIPOutboundTrunkResponse,
  ListSIPTrunkResponse,
  SIPDispatchRuleInfo,
  SIPInboundTrunkInfo,
  SIPOutboundTrunkInfo,
  SIPParticipantInfo,
  SIPTrunkInfo,
  TransferSIPParticipantResponse,
} from "@livekit/protocol";
import { adminToken } from "./tokens";

/** Raw Twirp calls in each wire encoding LiveKit clients use. */

export type Encoding = "json-camel" | "json-snake" | "protobuf";

/** The JS SDK sends camelCase JSON, protojson clients snake_case, `lk` (Go SDK) protobuf. */
export const ENCODINGS: readonly Encoding[] = ["json-camel", "json-snake", "protobuf"];

export const RESPONSE_TYPES: Readonly<Record<string, MessageType>> = {
  ListSIPTrunk: ListSIPTrunkResponse,
  CreateSIPInboundTrunk: SIPInboundTrunkInfo,
  CreateSIPOutboundTrunk: SIPOutboundTrunkInfo,
  UpdateSIPInboundTrunk: SIPInboundTrunkInfo,
  UpdateSIPOutboundTrunk: SIPOutboundTrunkInfo,
  GetSIPInboundTrunk: GetSIPInboundTrunkResponse,
  GetSIPOutboundTrunk: GetSIPOutboundTrunkResponse,
  ListSIPInboundTrunk: ListSIPInboundTrunkResponse,
  ListSIPOutboundTrunk: ListSIPOutboundTrunkResponse,
  DeleteSIPTrunk: SIPTrunkInfo,
  CreateSIPDispatchRule: SIPDispatchRuleInfo,
  UpdateSIPDispatchRule: SIPDispatchRuleInfo,
  ListSIPDispatchRule: ListSIPDispatchRuleResponse,
  DeleteSIPDispatchRule: SIPDispatchRuleInfo,
  CreateSIPParticipant: SIPParticipantInfo,
  TransferSIPParticipant: TransferSIPParticipantResponse,
};

export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly bytes: Buffer;
  readonly text: string;
}

export interface PostOptions {
  readonly body?: string | Uint8Array;
  readonly contentType?: string | null;
  /** A bearer token; `null` sends no Authorization header. Default: a `sip.admin` token. */
  readonly token?: string | null;
  readonly httpMethod?: string;
  readonly headers?: Record<string, string>;
}

export async function post(baseUrl: string, path: string, opts: PostOptions = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { ...opts.headers };
  const contentType = opts.contentType === undefined ? "application/json" : opts.contentType;
  if (contentType !== null) headers["Content-Type"] = contentType;
  const token = opts.token === undefined ? adminToken() : opts.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const method = opts.httpMethod ?? "POST";
  const hasBody = method !== "GET" && method !== "HEAD";
  const res = await fetch(baseUrl + path, { method, headers, body: hasBody ? (opts.body ?? "{}") : undefined });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString("utf8") };
}

export interface TwirpErrorBody {
  readonly code: string;
  readonly msg: string;
  readonly meta?: Record<string, string>;
}

export interface RpcResult<T> {
  readonly status: number;
  readonly contentType: string | null;
  /** The decoded answer on success. */
  readonly message?: T;
  /** The Twirp error body otherwise. */
  readonly error?: TwirpErrorBody;
  /** The raw body text (JSON answers and errors). */
  readonly text: string;
}

export function encodeRequest(request: Message, encoding: Encoding): { body: string | Uint8Array; contentType: string } {
  switch (encoding) {
    case "json-camel":
      return { body: JSON.stringify(request.toJson()), contentType: "application/json;charset=UTF-8" };
    case "json-snake":
      return { body: JSON.stringify(request.toJson({ useProtoFieldName: true })), contentType: "application/json" };
    case "protobuf":
      return { body: request.toBinary(), contentType: "application/protobuf" };
  }
}

/** Calls `/twirp/livekit.SIP/<method>` with `request` in the given encoding. */
export async function rpc<T extends Message<T> = Message>(
  baseUrl: string,
  method: string,
  request: Message,
  encoding: Encoding = "json-camel",
  opts: Omit<PostOptions, "body" | "contentType"> = {},
): Promise<RpcResult<T>> {
  const { body, contentType } = encodeRequest(request, encoding);
  const res = await post(baseUrl, `/twirp/livekit.SIP/${method}`, { ...opts, body, contentType });
  const base = { status: res.status, contentType: res.headers.get("content-type"), text: res.text };
  if (res.status !== 200) {
    const isJson = base.contentType === "application/json";
    return { ...base, error: isJson ? (JSON.parse(res.text) as TwirpErrorBody) : undefined };
  }
  const type = RESPONSE_TYPES[method] as MessageType<T>;
  const message = encoding === "protobuf" ? type.fromBinary(res.bytes) : type.fromJson(JSON.parse(res.text), { ignoreUnknownFields: true });
  return { ...base, message };
}

/** Like `rpc`, but fails the test unless the call succeeds, and returns the answer. */
export async function ok<T extends Message<T> = Message>(
  baseUrl: string,
  method: string,
  request: Message,
  encoding: Encoding = "json-camel",
): Promise<T> {
  const res = await rpc<T>(baseUrl, method, request, encoding);
  if (res.message === undefined) throw new Error(`${method} failed with ${res.status}: ${res.text}`);
  return res.message;
}
