import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { seededRandom } from "../../src/emulator/faults/prng";

/**
 * A loopback proxy that fails requests on their way to a LiveKit server, as networks and load
 * balancers do: a 503 or 429 without forwarding, a connection closed before forwarding or after
 * the server answered (a lost answer), and latency. Decisions come from a seeded generator, so a
 * run can be repeated. Used in front of LiveKit's real server, where the emulator's own fault
 * injection cannot reach.
 */
export type ProxyFault = "unavailable" | "rate_limited" | "drop_before" | "drop_after";

export interface FaultProxy {
  readonly url: string;
  /** Faults injected so far, by kind. */
  readonly injected: Record<ProxyFault, number>;
  /** From now on, fail this share of requests to `methods` (none: 0). */
  setFaults(rate: number, options?: { seed?: number; methods?: RegExp; maxLatencyMs?: number }): void;
  close(): Promise<void>;
}

const KINDS: ProxyFault[] = ["unavailable", "rate_limited", "drop_before", "drop_after"];

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const base = new URL(target);
  let rate = 0;
  let random = seededRandom(1);
  let methods = /./;
  let maxLatencyMs = 0;
  const injected: Record<ProxyFault, number> = { unavailable: 0, rate_limited: 0, drop_before: 0, drop_after: 0 };

  const forward = (path: string, headers: IncomingMessage["headers"], payload: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
      const out = request({ host: base.hostname, port: base.port, path, method: "POST", headers: { ...headers, host: base.host } }, async (res) =>
        resolve({ status: res.statusCode ?? 502, headers: res.headers, body: await body(res) }),
      );
      out.on("error", reject);
      out.end(payload);
    });

  const server: Server = createServer(async (req, res) => {
    const payload = await body(req);
    const path = req.url ?? "/";
    const method = path.split("/").pop() ?? "";
    if (maxLatencyMs > 0) await new Promise((r) => setTimeout(r, Math.floor(random() * maxLatencyMs)));
    const fault = methods.test(method) && random() < rate ? KINDS[Math.floor(random() * KINDS.length)] : undefined;
    if (fault !== undefined) injected[fault]++;
    if (fault === "unavailable") return res.writeHead(503, { "content-type": "application/json" }).end('{"code":"unavailable","msg":"injected by the fault proxy"}');
    if (fault === "rate_limited") return res.writeHead(429, { "content-type": "application/json", "retry-after": "0" }).end('{"code":"resource_exhausted","msg":"injected by the fault proxy"}');
    if (fault === "drop_before") return req.socket.destroy();
    try {
      const answer = await forward(path, req.headers, payload);
      if (fault === "drop_after") return req.socket.destroy();
      res.writeHead(answer.status, { "content-type": answer.headers["content-type"] ?? "application/json" }).end(answer.body);
    } catch (error) {
      res.writeHead(502).end(String(error));
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    injected,
    setFaults(nextRate, options = {}) {
      rate = nextRate;
      random = seededRandom(options.seed ?? 1);
      methods = options.methods ?? /./;
      maxLatencyMs = options.maxLatencyMs ?? 0;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
