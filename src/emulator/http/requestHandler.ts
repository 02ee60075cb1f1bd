import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { MonotonicClock } from "../clock";
import { faultReply, type FaultDecision, type FaultInjector } from "../faults/faultInjector";
import type { StatsCounter } from "../stats";
import type { SipStore } from "../store/sipStore";
import { isServicePath, serveTwirp, twirpMethodOf } from "../twirpService";
import { textReply, type HttpReply } from "../wire/httpReply";
import { authenticate } from "./authenticate";
import { corsHeaders, preflightReply } from "./cors";
import { MAX_BODY_BYTES, readBody } from "./readBody";

/** Everything a request needs; `injector` is swapped when tests change the fault settings. */
export interface EmulatorRuntime {
  readonly store: SipStore;
  readonly clock: MonotonicClock;
  readonly stats: StatsCounter;
  injector: FaultInjector;
  readonly secretFor: (apiKey: string) => string | undefined;
  readonly ossUpdateConflictGap: boolean;
  readonly timestamps: boolean;
  /** Take created objects' IDs from the ID_HINT_HEADER request header (differential tests). */
  readonly acceptIdHints: boolean;
  readonly log?: (line: string) => void;
}

/** The request header an ID hint comes in; see `EmulatorOptions.acceptIdHints`. */
export const ID_HINT_HEADER = "x-livekit-emulator-id";

const firstHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The unescaped path (as Go's `URL.Path`) with LiveKit's `RemoveDoubleSlashes`, and the query. */
function splitTarget(target: string): { path: string; query: URLSearchParams } {
  const q = target.indexOf("?");
  const rawPath = q < 0 ? target : target.slice(0, q);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    path = rawPath;
  }
  if (path.startsWith("//")) path = path.slice(1);
  return { path, query: new URLSearchParams(q < 0 ? "" : target.slice(q + 1)) };
}

/** The server's answer, in LiveKit's middleware order: CORS, body limit, auth, then the mux. */
async function answer(rt: EmulatorRuntime, req: IncomingMessage, path: string, query: URLSearchParams): Promise<HttpReply> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return textReply(413, "request body too large");
  const auth = authenticate(firstHeader(req.headers.authorization), query.get("access_token"), rt.secretFor);
  if (!auth.ok) return auth.reply;
  if (isServicePath(path)) {
    const { body, tooLarge } = await readBody(req);
    const idHint = rt.acceptIdHints ? firstHeader(req.headers[ID_HINT_HEADER]) : undefined;
    const ctx = { grants: auth.grants, store: rt.store, clock: rt.clock, ossUpdateConflictGap: rt.ossUpdateConflictGap, timestamps: rt.timestamps, idHint };
    const contentType = firstHeader(req.headers["content-type"]);
    return serveTwirp({ httpMethod: req.method ?? "GET", path, contentType, body, bodyTooLarge: tooLarge }, ctx);
  }
  if (path === "/") return textReply(200, "OK");
  const notFound = textReply(404, "404 page not found\n");
  return { ...notFound, headers: { ...notFound.headers, "X-Content-Type-Options": "nosniff" } };
}

async function serve(rt: EmulatorRuntime, req: IncomingMessage, path: string, query: URLSearchParams): Promise<HttpReply> {
  const preflight = preflightReply(req.method, req.headers);
  if (preflight !== undefined) return preflight;
  const reply = await answer(rt, req, path, query);
  return { ...reply, headers: { ...reply.headers, ...corsHeaders(req.headers) } };
}

function deliver(req: IncomingMessage, res: ServerResponse, outcome: HttpReply | "drop"): void {
  if (outcome === "drop") {
    req.socket.destroy();
    return;
  }
  res.writeHead(outcome.status, outcome.headers);
  res.end(outcome.body);
}

const printable = (text: string) => text.replace(/[^\x20-\x7e]/g, "?").slice(0, 120);

function logLine(req: IncomingMessage, label: string, outcome: HttpReply | "drop", started: number, fault?: FaultDecision): string {
  const status = outcome === "drop" ? "dropped" : String(outcome.status);
  const ms = (performance.now() - started).toFixed(1);
  const faultNote = fault === undefined ? "" : ` fault=${fault.kind}(${fault.timing})`;
  return `${new Date().toISOString()} ${printable(req.method ?? "?")} ${printable(label)} ${status} ${ms}ms${faultNote}`;
}

async function handle(rt: EmulatorRuntime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const { path, query } = splitTarget(req.url ?? "/");
  const method = twirpMethodOf(path);
  rt.stats.request(method);
  const fault = rt.injector.decide(method);
  const delay = rt.injector.delayMs();
  if (delay > 0) await sleep(delay);
  let outcome: HttpReply | "drop";
  if (fault === undefined) {
    outcome = await serve(rt, req, path, query);
  } else {
    // An "after" fault lets the request run to completion, state changes included, and only
    // then throws its answer away.
    if (fault.timing === "after") await serve(rt, req, path, query);
    outcome = faultReply(fault.kind);
    rt.stats.fault(fault.kind);
  }
  deliver(req, res, outcome);
  rt.log?.(logLine(req, method ?? path, outcome, started, fault));
}

export function requestListener(rt: EmulatorRuntime): RequestListener {
  return (req, res) => {
    handle(rt, req, res).catch((err: Error) => {
      rt.log?.(`${new Date().toISOString()} internal error: ${err.message}`);
      if (!res.headersSent) deliver(req, res, textReply(500, "internal error"));
      else res.destroy();
    });
  };
}
