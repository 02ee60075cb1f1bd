import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import { connect, type Socket } from "node:net";
import * as path from "node:path";
import { adminToken } from "../emulator/support/tokens";
import { FIXTURES_ROOT } from "../harness/paths";
import { freePort } from "../support/ports";

/**
 * LiveKit's open-source server with its own Redis, on free loopback ports with the dev keys, for
 * the differential tests. `scripts/tools.js` (which `npm test` runs jest under) builds or installs
 * both and puts them on PATH. Each process runs under test/support/supervise.js, so nothing keeps
 * running when the test process ends, even if it crashes.
 */

export interface LiveKitServer {
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly version: string;
  /** Empties LiveKit's store (Redis FLUSHALL). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const SUPERVISOR = path.join(__dirname, "..", "support", "supervise.js");


function supervised(name: string, command: string, args: string[], logDir: string): ChildProcess {
  const child = spawn(process.execPath, [SUPERVISOR, path.join(logDir, `${name}.log`), command, ...args], { stdio: ["pipe", "ignore", "ignore"] });
  // Neither the child nor the pipe it watches keeps the test process alive: a server whose start
  // outlived its test's timeout (or whose close failed) must not hold jest's worker open at the
  // end of the run; the worker's exit closes the pipe and the supervisor stops the server.
  child.unref();
  (child.stdin as Socket | null)?.unref();
  return child;
}

async function stopSupervised(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stdin?.end();
  await exited;
}

/** One Redis command over RESP, e.g. `["FLUSHALL"]`; resolves with the raw reply. */
export function redisCommand(port: number, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let reply = "";
    socket.on("error", reject);
    socket.on("data", (d) => {
      reply += d;
      if (reply.endsWith("\r\n")) {
        socket.end();
        resolve(reply);
      }
    });
    socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`);
  });
}

async function waitFor(what: string, probe: () => Promise<boolean>, logFile: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-3000) : "(no log)";
  throw new Error(`${what} did not become ready in ${timeoutMs / 1000} s; its log:\n${log}`);
}

export async function startLiveKitServer(): Promise<LiveKitServer> {
  fs.mkdirSync(FIXTURES_ROOT, { recursive: true });
  const logDir = fs.mkdtempSync(path.join(FIXTURES_ROOT, "livekit-"));
  const [redisPort, httpPort, rtcTcpPort, rtcUdpPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const redis = supervised("redis", "redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], logDir);
  await waitFor("redis-server", async () => (await redisCommand(redisPort, ["PING"])).startsWith("+PONG"), path.join(logDir, "redis.log"));

  const config = [
    `port: ${httpPort}`,
    "bind_addresses: [127.0.0.1]",
    `rtc: { tcp_port: ${rtcTcpPort}, udp_port: ${rtcUdpPort}, use_external_ip: false, node_ip: 127.0.0.1 }`,
    `redis: { address: "127.0.0.1:${redisPort}" }`,
    "logging: { level: warn }",
  ].join("\n");
  const livekit = supervised("livekit-server", "livekit-server", ["--dev", "--config-body", config], logDir);
  const url = `http://127.0.0.1:${httpPort}`;
  // --dev: LiveKit's development keys, the emulator's defaults too (the tests' tokens use them).
  const apiKey = "devkey";
  const apiSecret = "secret";
  await waitFor(
    "livekit-server",
    async () => {
      const res = await fetch(`${url}/twirp/livekit.SIP/ListSIPInboundTrunk`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${adminToken()}` },
        body: "{}",
      });
      return res.status === 200;
    },
    path.join(logDir, "livekit-server.log"),
  );
  const version = /version (\S+)/.exec(spawnSync("livekit-server", ["--version"], { encoding: "utf8" }).stdout)?.[1] ?? "unknown";
  return {
    url,
    apiKey,
    apiSecret,
    version,
    async reset() {
      await redisCommand(redisPort, ["FLUSHALL"]);
    },
    async close() {
      await stopSupervised(livekit);
      await stopSupervised(redis);
      fs.rmSync(logDir, { recursive: true, force: true });
    },
  };
}
