"use strict";
/**
 * Emulator throughput on loopback: creates (in memory and with a durable state file), updates
 * and lists of a large store, over raw Twirp JSON as the JS SDK sends it. Run after
 * `npm run build`; `node bench/emulator.js` prints the figures, `run()` returns them.
 */
const { createHmac } = require("node:crypto");
const { mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { startEmulator } = require("../dist/emulator");

const PHASE_MS = 1500;
const CONCURRENCY = 8;
const LIST_SIZE = 1000;

function adminToken() {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ alg: "HS256", typ: "JWT" })}.${part({ iss: "devkey", exp: Math.floor(Date.now() / 1000) + 3600, sip: { admin: true } })}`;
  return `${input}.${createHmac("sha256", "secret").update(input).digest("base64url")}`;
}

function client(url) {
  const headers = { "Content-Type": "application/json", Authorization: `Bearer ${adminToken()}` };
  return async (method, body) => {
    const res = await fetch(`${url}/twirp/livekit.SIP/${method}`, { method: "POST", headers, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${method}: ${res.status} ${text}`);
    return JSON.parse(text);
  };
}

/** Runs `op(i)` from CONCURRENCY workers for PHASE_MS (or `count` operations); returns operations per second. */
async function measure(op, count = Infinity) {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count && performance.now() - started < PHASE_MS) await op(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return Math.round((next / (performance.now() - started)) * 1000);
}

const trunk = (i) => ({ trunk: { name: `bench-${i}`, numbers: [`+1${String(2000000000 + i)}`], allowedAddresses: ["10.0.0.0/8"] } });

async function withEmulator(options, body) {
  const emulator = await startEmulator({ port: 0, ...options });
  try {
    return await body(client(emulator.url), emulator);
  } finally {
    await emulator.close();
  }
}

async function run() {
  const figures = {};
  await withEmulator({}, async (call, emulator) => {
    figures.createPerSec = await measure((i) => call("CreateSIPInboundTrunk", trunk(i)));
    const stats = emulator.stats();
    figures.apiCallsPerCreate = stats.total / (stats.byMethod.CreateSIPInboundTrunk || 1);

    await emulator.store.clear();
    const ids = [];
    for (let i = 0; i < LIST_SIZE; i++) ids.push((await call("CreateSIPInboundTrunk", trunk(i))).sip_trunk_id);
    figures.listSize = LIST_SIZE;
    figures.listPerSec = await measure(() => call("ListSIPInboundTrunk", {}));
    figures.filteredListPerSec = await measure((i) => call("ListSIPInboundTrunk", { numbers: [`+1${2000000000 + (i % LIST_SIZE)}`] }));
    figures.updatePerSec = await measure((i) =>
      call("UpdateSIPInboundTrunk", { sipTrunkId: ids[i % LIST_SIZE], update: { name: `renamed-${i}` } }),
    );
  });

  const dir = mkdtempSync(join(tmpdir(), "livekit-sip-bench-"));
  try {
    await withEmulator({ statePath: join(dir, "state.json") }, async (call) => {
      figures.durableCreatePerSec = await measure((i) => call("CreateSIPInboundTrunk", trunk(i)), 2000);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  return { concurrency: CONCURRENCY, phaseMs: PHASE_MS, ...figures };
}

module.exports = { run };

if (require.main === module) {
  run().then((figures) => {
    console.log("emulator benchmark (loopback, %d concurrent clients):", CONCURRENCY);
    for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(22)} ${value}`);
  }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
