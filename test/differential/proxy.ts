import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ID_HINT_HEADER } from "../../src/emulator/http/requestHandler";
import { RESPONSE_TYPES } from "../emulator/support/rpc";

/**
 * A differential proxy: every request a test (or an SDK, or `lk`) sends to it goes to the real
 * LiveKit server first and then, unchanged, to the emulator, which takes the ID LiveKit gave a
 * created object (so list order, pagination and conflict walks are comparable). The two answers are
 * compared after normalising only what legitimately differs (timestamps), every difference is
 * recorded, and the client gets LiveKit's answer.
 */

export interface Answer {
  status: number;
  contentType: string;
  /** The body as JSON (decoded from protobuf where needed), or its text. */
  body: unknown;
}

export interface Difference {
  method: string;
  request: string;
  /** Where the answers differ: `status`, `content-type` or a path into the body. */
  where: string;
  emulator: unknown;
  livekit: unknown;
}

export interface DifferentialProxy {
  readonly url: string;
  /** Requests compared so far. */
  readonly compared: number;
  /** The differences recorded since the last call, and forgets them. */
  takeDifferences(): Difference[];
  close(): Promise<void>;
}

const TIMESTAMP_KEYS = new Set(["created_at", "createdAt", "updated_at", "updatedAt"]);
const HOP_HEADERS = new Set(["host", "content-length", "connection", "keep-alive", "transfer-encoding"]);

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function methodOf(path: string): string {
  return path.split("?")[0].split("/").pop() ?? path;
}

/** The answer as comparable data: JSON parsed, protobuf decoded to its JSON form, else text. */
function decode(method: string, contentType: string, bytes: Buffer): unknown {
  if (contentType.startsWith("application/protobuf") && RESPONSE_TYPES[method]) {
    try {
      return RESPONSE_TYPES[method].fromBinary(bytes).toJson({ useProtoFieldName: true });
    } catch {
      return `<undecodable protobuf ${bytes.toString("base64")}>`;
    }
  }
  const text = bytes.toString("utf8");
  if (contentType.startsWith("application/json")) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Timestamps differ by when each server ran; only whether one is there (not null) is compared. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = TIMESTAMP_KEYS.has(key) && inner !== null ? "<timestamp>" : normalise(inner);
    return out;
  }
  return value;
}

/** Every path where two values differ, `body.items[0].name` style. */
export function differences(a: unknown, b: unknown, path = "body"): { where: string; a: unknown; b: unknown }[] {
  if (a === b) return [];
  if (Array.isArray(a) && Array.isArray(b)) {
    const out = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...differences(a[i], b[i], `${path}[${i}]`));
    return out;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const out = [];
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) out.push(...differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`));
    return out;
  }
  return [{ where: path, a, b }];
}

/** The ID of the object a successful create made, from LiveKit's answer. */
function createdId(method: string, body: unknown): string | undefined {
  if (!method.startsWith("Create") || !body || typeof body !== "object") return undefined;
  const b = body as Record<string, unknown>;
  const id = b.sip_trunk_id ?? b.sipTrunkId ?? b.sip_dispatch_rule_id ?? b.sipDispatchRuleId;
  return typeof id === "string" ? id : undefined;
}

async function forward(base: string, req: IncomingMessage, body: Buffer, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (!HOP_HEADERS.has(key) && value !== undefined) headers[key] = Array.isArray(value) ? value.join(", ") : value;
  }
  const method = req.method ?? "GET";
  const res = await fetch(base + (req.url ?? "/"), {
    method,
    headers: { ...headers, ...extra },
    body: method === "GET" || method === "HEAD" ? undefined : body,
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, contentType: res.headers.get("content-type") ?? "", bytes };
}

function summarise(req: IncomingMessage, body: Buffer): string {
  const type = req.headers["content-type"] ?? "";
  const text = type.includes("protobuf") ? `<${body.length} bytes of protobuf>` : body.toString("utf8");
  return `${req.method} ${req.url} ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
}

export async function startDifferentialProxy(targets: { emulatorUrl: string; livekitUrl: string }): Promise<DifferentialProxy> {
  let recorded: Difference[] = [];
  let compared = 0;
  // One exchange at a time: with concurrent clients, a list could otherwise reach LiveKit after a
  // delete and the emulator before it, a difference of the proxy's making, not of the servers'.
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(exchange: () => Promise<T>): Promise<T> => {
    const turn = previous.then(exchange);
    previous = turn.catch(() => undefined);
    return turn;
  };
  const server: Server = createServer(async (req, res) => {
    try {
      const body = await readAll(req);
      const method = methodOf(req.url ?? "");
      const { livekit, livekitBody, emulator } = await inTurn(async () => {
        const livekit = await forward(targets.livekitUrl, req, body);
        const livekitBody = decode(method, livekit.contentType, livekit.bytes);
        const id = livekit.status === 200 ? createdId(method, livekitBody) : undefined;
        return { livekit, livekitBody, emulator: await forward(targets.emulatorUrl, req, body, id ? { [ID_HINT_HEADER]: id } : {}) };
      });
      const emulatorBody = decode(method, emulator.contentType, emulator.bytes);
      compared++;
      const found: { where: string; a: unknown; b: unknown }[] = [];
      if (emulator.status !== livekit.status) found.push({ where: "status", a: emulator.status, b: livekit.status });
      if (emulator.contentType !== livekit.contentType) found.push({ where: "content-type", a: emulator.contentType, b: livekit.contentType });
      // When one side failed, the whole answers are the difference, not each field of the other.
      if (emulator.status !== livekit.status) found.push({ where: "body", a: emulatorBody, b: livekitBody });
      else found.push(...differences(normalise(emulatorBody), normalise(livekitBody)));
      const request = summarise(req, body);
      for (const d of found) recorded.push({ method, request, where: d.where, emulator: d.a, livekit: d.b });
      const headers: Record<string, string> = {};
      livekit.headers.forEach((value, key) => {
        if (!HOP_HEADERS.has(key) && key !== "content-encoding") headers[key] = value;
      });
      res.writeHead(livekit.status, headers);
      res.end(livekit.bytes);
    } catch (err) {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`differential proxy: ${(err as Error).message}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get compared() {
      return compared;
    },
    takeDifferences() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A difference as a reviewer reads it. */
export function describeDifference(d: Difference): string {
  const show = (v: unknown) => {
    const text = v === undefined ? "(absent)" : JSON.stringify(v);
    return text.length > 400 ? `${text.slice(0, 400)}…` : text;
  };
  return `${d.method} ${d.where}: emulator ${show(d.emulator)}, LiveKit ${show(d.livekit)}\n    request: ${d.request}`;
}
