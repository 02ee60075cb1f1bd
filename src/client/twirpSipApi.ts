import { LiveKitApiError, LiveKitTransportError } from "./errors";
import { asSipResponse, SIP_SERVICE, sipMethods, type SipApi, type SipMethod, type MethodEntry, type SipRequest, type SipResponse } from "./sipApi";
import { AdminTokens } from "./token";

export interface Connection {
  /** LiveKit's URL; `ws(s)://` project URLs are accepted and spoken to over HTTP(S). */
  url: string;
  apiKey: string;
  apiSecret: string;
  /** Per-request timeout in milliseconds. */
  requestTimeoutMs?: number;
}

const defaultTimeoutMs = 10_000;

export function httpBase(url: string): string {
  return url.replace(/^ws(s?):\/\//, "http$1://").replace(/\/+$/, "");
}

/** The URL LiveKit is reached at, or an error saying what is wrong with it, before any request. */
function checkedBase(url: string): string {
  const base = httpBase(url.trim());
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    throw new Error(`LiveKit URL ${JSON.stringify(url)} is not a URL; write it as wss://<project>.livekit.cloud or http://host:7880 (livekit:url or LIVEKIT_URL)`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new Error(`LiveKit URL ${JSON.stringify(url)} uses ${parsed.protocol.replace(/:$/, "")}; LiveKit is reached over wss://, https://, ws:// or http:// (livekit:url or LIVEKIT_URL)`);
  }
  return base;
}

/** One attempt per call over Twirp JSON; retrying is decided by the caller. */
export class TwirpSipApi implements SipApi {
  private readonly tokens: AdminTokens;
  private readonly base: string;

  constructor(private readonly connection: Connection) {
    this.tokens = new AdminTokens(connection.apiKey, connection.apiSecret);
    this.base = checkedBase(connection.url);
  }

  async call<M extends SipMethod>(method: M, body: SipRequest<M>): Promise<SipResponse<M>> {
    const [Request, Response, service = SIP_SERVICE]: MethodEntry = sipMethods[method];
    // Round-tripping through the message class catches mapping mistakes before anything is sent.
    const payload = JSON.stringify(Request.fromJson(body).toJson());
    let response: globalThis.Response;
    let text: string;
    try {
      response = await fetch(`${this.base}/twirp/${service}/${method}`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${await this.tokens.get()}`,
          "Content-Type": "application/json",
          "User-Agent": "pulumi-livekit-sip",
        },
        body: payload,
        signal: AbortSignal.timeout(this.connection.requestTimeoutMs ?? defaultTimeoutMs),
      });
      text = await response.text();
    } catch (e) {
      throw new LiveKitTransportError(method, e, this.base);
    }
    if (!response.ok) throw apiError(method, response, text, this.base);
    try {
      return asSipResponse<M>(Response.fromJson(JSON.parse(text), { ignoreUnknownFields: true }).toJson({ emitDefaultValues: true }));
    } catch {
      throw notLiveKit(method, response, text, this.base);
    }
  }
}

/** An answer that is not LiveKit's API: another server listens at the URL (or a proxy in front of it). */
function notLiveKit(method: string, response: globalThis.Response, text: string, base: string): LiveKitApiError {
  const body = text.trim().replace(/\s+/g, " ");
  const shown = body.length > 60 ? `${body.slice(0, 60)}…` : body;
  const detail = `the server at ${base} is not LiveKit: it answered ${method} with HTTP ${response.status}${shown ? ` ${JSON.stringify(shown)}` : ""}; check livekit:url (or LIVEKIT_URL)`;
  return new LiveKitApiError(method, response.status, "unknown", withoutToken(detail));
}

function apiError(method: string, response: globalThis.Response, text: string, base: string): LiveKitApiError {
  try {
    const body = JSON.parse(text) as { code?: string; msg?: string; meta?: Record<string, string> };
    if (typeof body.code === "string") {
      return new LiveKitApiError(method, response.status, body.code, body.msg ?? "", body.meta, retryAfter(response));
    }
  } catch {
    // Not Twirp JSON: LiveKit's auth middleware and proxies answer in plain text.
  }
  // LiveKit answers unknown paths with 404 and wrong methods with 405 in Twirp JSON; plain text there is another server.
  if (response.status === 404 || response.status === 405) return notLiveKit(method, response, text, base);
  const code = response.status === 401 ? "unauthenticated" : response.status === 429 ? "resource_exhausted" : "unknown";
  return new LiveKitApiError(method, response.status, code, withoutToken(text.trim()) || response.statusText, {}, retryAfter(response));
}

/**
 * LiveKit's server echoes the whole bearer token in its 401 text (`invalid token: <jwt>, error: …`);
 * a token is a credential for its lifetime, so it never reaches our errors or Pulumi's logs.
 */
export function withoutToken(text: string): string {
  return text.replace(/\beyJ[\w-]*\.[\w-]*\.[\w-]*/g, "<token>");
}

function retryAfter(response: globalThis.Response): number | undefined {
  const seconds = Number(response.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
