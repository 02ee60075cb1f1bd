"use strict";
/**
 * The emulator in a process of its own, so both sides of the overhead comparison talk to the same
 * server and neither side's client work slows the server down differently. The parent asks it for
 * request counts over IPC.
 */
const { fork } = require("node:child_process");

/** Parent side: forks this file and returns a handle whose methods are async. */
async function spawnEmulator(options = {}) {
  const child = fork(__filename, ["--child", JSON.stringify(options)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let nextId = 0;
  const pending = new Map();
  const ready = new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`emulator process exited with ${code}`)));
    child.on("message", (message) => {
      if (message.ready) return resolve(message.ready);
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.result);
    });
  });
  const ask = (cmd, args = []) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, cmd, args });
    });
  const { url, apiKey, apiSecret } = await ready;
  child.removeAllListeners("exit");
  return {
    url,
    apiKey,
    apiSecret,
    pid: child.pid,
    stats: () => ask("stats"),
    resetStats: () => ask("resetStats"),
    clear: () => ask("clear"),
    /** Added delay per request in milliseconds (0: none), like a network between client and LiveKit. */
    setLatency: (ms) => ask("setLatency", [ms]),
    /** Stores n inbound trunks (one number each) directly, as if created earlier. */
    preload: (n) => ask("preload", [n]),
    /** The process's peak RSS so far (Linux), in bytes. */
    peakRss: () => ask("peakRss"),
    async close() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ id: -1, cmd: "close" });
      await exited;
    },
  };
}

/** Child side: the emulator, answering the parent's commands. */
async function serve() {
  const { startEmulator } = require("../dist/emulator");
  const emulator = await startEmulator({ port: 0, ...JSON.parse(process.argv[process.argv.indexOf("--child") + 1] || "{}") });
  const commands = {
    stats: () => emulator.stats(),
    resetStats: () => emulator.resetStats(),
    clear: () => emulator.store.clear(),
    setLatency: (ms) => emulator.setFaults(undefined, ms || undefined),
    preload: async (n) => {
      for (let i = 0; i < n; i++) {
        await emulator.store.put("inboundTrunk", { sip_trunk_id: `ST_preload${i}`, name: `preloaded ${i}`, numbers: [`+1${String(3000000000 + i)}`], allowed_addresses: ["10.0.0.0/8"] });
      }
      return n;
    },
    peakRss: () => Number(/VmHWM:\s+(\d+)/.exec(require("node:fs").readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) * 1024,
    close: async () => {
      await emulator.close();
      process.exit(0);
    },
  };
  process.on("message", async ({ id, cmd, args = [] }) => {
    try {
      process.send({ id, result: (await commands[cmd](...args)) ?? null });
    } catch (error) {
      process.send({ id, error: String(error?.stack ?? error) });
    }
  });
  // An orphaned emulator must not outlive the benchmark.
  process.on("disconnect", () => process.exit(0));
  process.send({ ready: { url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret } });
}

if (require.main === module && process.argv.includes("--child")) {
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { spawnEmulator };
