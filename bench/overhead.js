"use strict";
/**
 * Overhead ratio: the same trunks and rules created, updated and deleted through the provider host
 * and through plain SDK calls, against one emulator process, in alternating rounds (the side that
 * goes first swaps every round) so drift in machine speed hits both. Medians over rounds. Each
 * phase of each side runs in a fresh process (a host per Pulumi operation, a script per SDK run).
 */
const { cpuMs } = require("./cpu");
const { spawnEmulator } = require("./spawnedEmulator");
const { median, percentiles, round } = require("./measure");
const { providerSide } = require("./providerSide");
const { sdkProcessSide } = require("./sdkProcess");

const PHASES = ["create", "update", "delete"];
const WARM_UP_COUNT = 50;

/** Requests per method during one phase, as the emulator counted them. */
async function countedPhase(emulator, run) {
  await emulator.resetStats();
  const before = { driver: cpuMs(), emulator: cpuMs(emulator.pid) };
  const timed = await run();
  // A side that drives from a process of its own reports that process's CPU as the driver's.
  const cpu = { driver: timed.driverCpuMs ?? cpuMs() - before.driver, emulator: cpuMs(emulator.pid) - before.emulator, host: timed.hostCpuMs ?? 0 };
  const { byMethod } = await emulator.stats();
  for (const [method, count] of Object.entries(timed.untimedCalls ?? {})) {
    byMethod[method] -= count;
    if (byMethod[method] === 0) delete byMethod[method];
  }
  return { timed, calls: byMethod, cpu };
}

async function runSide(emulator, side) {
  await emulator.clear();
  await side.warmUp();
  const phases = {};
  try {
    for (const phase of PHASES) phases[phase] = await countedPhase(emulator, side[phase]);
  } finally {
    await side.close();
  }
  return phases;
}

const cpuTotal = (phase) => Object.values(phase.cpuMsPerOp).reduce((a, b) => a + b, 0);
const phaseMs = (phase) => phase.timed.trunks.wallMs + phase.timed.rules.wallMs;

function summarize(rounds, side) {
  const perPhase = {};
  for (const phase of PHASES) {
    const walls = rounds.map((r) => phaseMs(r[side][phase]));
    const latencies = rounds.flatMap((r) => [...r[side][phase].timed.trunks.latencies, ...r[side][phase].timed.rules.latencies]);
    // CPU per resource operation, by process: what each hop costs, free of scheduling noise.
    const opsPerRound = latencies.length / rounds.length;
    const cpuPerOp = Object.fromEntries(["driver", "host", "emulator"].map((p) => [p, round(median(rounds.map((r) => r[side][phase].cpu[p])) / opsPerRound, 3)]));
    perPhase[phase] = {
      medianMs: round(median(walls)),
      roundsMs: walls.map((w) => round(w)),
      latencyMs: percentiles(latencies),
      cpuMsPerOp: cpuPerOp,
      calls: rounds[0][side][phase].calls,
    };
  }
  const totals = rounds.map((r) => PHASES.reduce((sum, phase) => sum + phaseMs(r[side][phase]), 0));
  return { totalMedianMs: round(median(totals)), totalsMs: totals.map((t) => round(t)), phases: perPhase };
}

async function run({ count = 200, concurrency = 10, rounds = 5, latencyMs = 0, projectDir, texts, log = () => undefined }) {
  const emulator = await spawnEmulator();
  await emulator.setLatency(latencyMs);
  const results = [];
  let provider;
  const rpcLatencies = { check: [], diff: [], create: [], update: [], delete: [] };
  const fixedCosts = { hostStartMs: [], firstCallMs: [] };
  const hostRss = { started: [], loaded: [], peak: [] };
  try {
    // An untimed small round first: the emulator (long-lived, as LiveKit is) and this process's gRPC
    // client are JIT-compiled before round 1, which otherwise favours whichever side goes second.
    for (const side of [sdkProcessSide(emulator, { count: WARM_UP_COUNT, concurrency }), providerSide(emulator, { count: WARM_UP_COUNT, concurrency, projectDir, texts })]) {
      await runSide(emulator, side);
    }
    for (let r = 0; r < rounds; r++) {
      provider = providerSide(emulator, { count, concurrency, projectDir, texts });
      const sides = [sdkProcessSide(emulator, { count, concurrency }), provider];
      if (r % 2 === 1) sides.reverse();
      const round_ = {};
      for (const side of sides) round_[side.name] = await runSide(emulator, side);
      for (const [op, values] of Object.entries(provider.rpcLatencies)) rpcLatencies[op].push(...values);
      for (const [key, values] of Object.entries(provider.fixedCosts)) fixedCosts[key].push(...values);
      for (const [key, values] of Object.entries(provider.rss)) hostRss[key].push(...values);
      results.push(round_);
      const total = (name) => PHASES.reduce((sum, phase) => sum + phaseMs(round_[name][phase]), 0);
      log(`  round ${r + 1}/${rounds}: sdk ${total("sdk").toFixed(0)} ms, provider ${total("provider").toFixed(0)} ms`);
    }
  } finally {
    await emulator.close();
  }
  const sdk = summarize(results, "sdk");
  const prov = summarize(results, "provider");
  const ratioPerRound = results.map((r) => PHASES.reduce((s, p) => s + phaseMs(r.provider[p]), 0) / PHASES.reduce((s, p) => s + phaseMs(r.sdk[p]), 0));
  return {
    resources: { trunks: count, rules: count },
    concurrency,
    emulatorLatencyMs: latencyMs,
    rounds,
    ratio: round(prov.totalMedianMs / sdk.totalMedianMs, 3),
    ratioPerRound: ratioPerRound.map((x) => round(x, 3)),
    phaseRatios: Object.fromEntries(PHASES.map((p) => [p, round(prov.phases[p].medianMs / sdk.phases[p].medianMs, 3)])),
    // CPU of all processes per resource operation, provider over SDK: steadier than wall time on a busy 2-core machine.
    cpuRatios: Object.fromEntries(PHASES.map((p) => [p, round(cpuTotal(prov.phases[p]) / cpuTotal(sdk.phases[p]), 2)])),
    target: 1.15,
    sdk,
    provider: prov,
    providerRpcLatencyMs: Object.fromEntries(Object.entries(rpcLatencies).map(([op, v]) => [op, percentiles(v)])),
    perOperationFixedCostMs: { hostStart: round(median(fixedCosts.hostStartMs)), firstCall: round(median(fixedCosts.firstCallMs)) },
    // Max over every host of the run (one per phase and round).
    hostMemory: {
      startedRssBytes: Math.max(...hostRss.started),
      packageLoadedRssBytes: Math.max(...hostRss.loaded),
      peakRssBytes: Math.max(...hostRss.peak),
    },
  };
}

module.exports = { run };
