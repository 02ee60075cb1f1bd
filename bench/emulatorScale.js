"use strict";
/**
 * Emulator throughput as the store fills: for each size, an emulator process (in memory, and
 * durable with a state file) holding that many inbound trunks, loaded by a separate load
 * generator process (emulatorLoad.js) with creates and number-filtered lists; the emulator's peak
 * RSS. Flat rates and memory proportional to the data are the goal.
 */
const { execFile } = require("node:child_process");
const { mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { spawnEmulator } = require("./spawnedEmulator");

function load(url, secret, ms) {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [join(__dirname, "emulatorLoad.js"), url, secret, String(ms)], (error, stdout, stderr) =>
      error ? reject(new Error(stderr || error.message)) : resolve(JSON.parse(stdout.trim())),
    ),
  );
}

async function run({ sizes = [100, 10_000, 100_000], ms = 1500, log = () => undefined } = {}) {
  const runs = [];
  for (const durable of [false, true]) {
    for (const n of sizes) {
      const dir = durable ? mkdtempSync(join(tmpdir(), "emulator-scale-")) : undefined;
      const emulator = await spawnEmulator(durable ? { statePath: join(dir, "state.json") } : {});
      try {
        const loadStarted = performance.now();
        await emulator.preload(n);
        const preloadMs = Math.round(performance.now() - loadStarted);
        const rates = await load(emulator.url, emulator.apiSecret, ms);
        const peakRssBytes = await emulator.peakRss();
        runs.push({ durable, stored: n, ...rates, peakRssBytes, preloadMs });
        log(`  ${durable ? "durable" : "in memory"}, ${n} stored: ${rates.createPerSec} creates/s, ${rates.filteredListPerSec} filtered lists/s, peak ${(peakRssBytes / 1024 ** 2).toFixed(0)} MiB`);
      } finally {
        await emulator.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return { target: { perSec: 2000 }, runs };
}

module.exports = { run };

if (require.main === module) run({ log: console.log }).then((r) => console.log(JSON.stringify(r, null, 2)));
