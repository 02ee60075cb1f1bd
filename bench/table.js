"use strict";
/** The results as a plain-text table for the terminal; bench/results.json holds every figure. */

const MiB = 1024 ** 2;
const sum = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
const fmt = (value, digits = 1) => (value === undefined || value === null || Number.isNaN(value) ? "–" : Number(value).toFixed(digits));

/** Left-aligned first column, right-aligned others. */
function columns(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => "  " + r.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join("   ")).join("\n");
}

function overhead(o, latency) {
  const phases = Object.keys(o.sdk.phases);
  const pct = (p) => `${fmt(p.p50)}/${fmt(p.p90)}/${fmt(p.p99)}`;
  const cpu = (c, withHost) => [c.driver, ...(withHost ? [c.host] : []), c.emulator].map((v) => fmt(v, 2)).join("/");
  const rows = [
    ["phase", "SDK ms", "provider ms", "ratio", "SDK p50/p90/p99 ms", "provider p50/p90/p99 ms", "CPU ms/op SDK", "CPU ms/op provider", "CPU ratio"],
    ...phases.map((p) => [
      p,
      fmt(o.sdk.phases[p].medianMs, 0),
      fmt(o.provider.phases[p].medianMs, 0),
      fmt(o.phaseRatios[p], 2),
      pct(o.sdk.phases[p].latencyMs),
      pct(o.provider.phases[p].latencyMs),
      cpu(o.sdk.phases[p].cpuMsPerOp, false),
      cpu(o.provider.phases[p].cpuMsPerOp, true),
      fmt(o.cpuRatios[p], 2),
    ]),
    ["total", fmt(o.sdk.totalMedianMs, 0), fmt(o.provider.totalMedianMs, 0), fmt(o.ratio, 2), "", "", "", "", ""],
  ];
  const verdict = o.ratio <= o.target ? "met" : "MISSED";
  return [
    `1. Overhead: ${o.resources.trunks} trunks + ${o.resources.rules} rules created, updated, deleted, ${o.concurrency} at a time; medians over ${o.rounds} round(s)`,
    columns(rows),
    `  ratio ${fmt(o.ratio, 2)} (rounds ${o.ratioPerRound.map((r) => fmt(r, 2)).join(", ")}; target ≤ ${o.target}: ${verdict})`,
    latency ? `  with ${latency.emulatorLatencyMs} ms added to every LiveKit request: ratio ${fmt(latency.ratio, 2)} (SDK ${fmt(latency.sdk.totalMedianMs, 0)} ms, provider ${fmt(latency.provider.totalMedianMs, 0)} ms, ${latency.rounds} rounds)` : undefined,
    "  CPU ms per resource operation: SDK = client/emulator; provider = driver (the engine's stand-in)/provider host/emulator",
    `  LiveKit requests per phase (SDK / provider): ${phases.map((p) => `${p} ${sum(o.sdk.phases[p].calls)} / ${sum(o.provider.phases[p].calls)}`).join(", ")} (the provider's extra ones are the pre-check's listings)`,
    `  per Pulumi operation, not timed above: host start ${fmt(o.perOperationFixedCostMs.hostStart, 0)} ms, first call (loads the package) ${fmt(o.perOperationFixedCostMs.firstCall, 0)} ms`,
    `  provider RPC p50 ms under load: ${Object.entries(o.providerRpcLatencyMs).map(([op, p]) => `${op} ${fmt(p.p50)}`).join(", ")}`,
  ].filter(Boolean);
}

function breakdown(b) {
  const row = (name, r) => [name, fmt(r.sdkRequestMs, 2), fmt(r.checkRpcMs, 2), fmt(r.createRpcMs, 2), fmt(r.overheadMs, 2), fmt(r.validationMs, 2), fmt(r.grpcHopsMs, 2), fmt(r.createWorkMs, 2), fmt(r.preCheckMs, 2)];
  return [
    `2. Where the time goes: one create at a time, medians of ${b.sequentialCreates}, ms (bare gRPC round trip to the host: ${fmt(b.grpcRoundTripMs, 2)} ms)`,
    columns([
      ["", "SDK request", "check RPC", "create RPC", "overhead", "= validation", "+ gRPC hops", "+ create work", "(pre-check)"],
      row("trunk", b.trunk),
      row("rule", b.rule),
    ]),
  ];
}

function apiCalls(a) {
  const ops = Object.entries(a.operations).map(([name, o]) => [name, o.requests, o.mutating, o.reads, Object.entries(o.providerRpcs).map(([k, v]) => `${k} ${v}`).join(", ")]);
  const per = a.perResource;
  return [
    `3. LiveKit requests, counted by the emulator, for a program of ${a.resources.total} resources through the MiniEngine`,
    `  writes per resource: check ${per.check}, diff ${per.diff}; requests: create ${per.create}, update ${per.update}, read ${per.read}, delete ${per.delete}; ` +
      `pre-check listings: ${a.preCheckLists.previewCreate} previewing creates, ${a.preCheckLists.previewUpdate} previewing changes, ` +
      `${a.preCheckLists.create} creating, ${a.preCheckLists.update} updating; writes in previews: ${a.writesInPreviews}; requests with nothing to change: ${a.requestsWithoutChanges}`,
    columns([["operation", "requests", "mutating", "reads", "provider RPCs"], ...ops]),
  ];
}

function stateSize(s) {
  return [
    `4. State: __provider ${s.providerTextBytes} B, stored in inputs and outputs: ${s.providerBytesPerResource} B of ${s.stateBytesPerResource} B of state per resource ` +
      `(${fmt((100 * s.providerBytesPerResource) / s.stateBytesPerResource, 0)}%); ${s.resources} resources, ${fmt(s.totalStateBytes / 1024, 0)} KB in all`,
  ];
}

function realEngine(r) {
  const rows = [["resources", "engine up ms", "SDK up ms", "up ratio", "engine destroy ms", "SDK destroy ms", "destroy ratio", "total ratio", "without checkpoints", "requests engine/SDK", "ms/resource beyond fixed cost: engine up/destroy", "SDK up/destroy"]];
  for (const x of r.runs) {
    rows.push([
      x.resources,
      fmt(x.engine.upMs, 0),
      fmt(x.sdk.upMs, 0),
      fmt(x.ratio.up, 2),
      fmt(x.engine.destroyMs, 0),
      fmt(x.sdk.destroyMs, 0),
      fmt(x.ratio.destroy, 2),
      fmt(x.ratio.total, 2),
      fmt(x.ratio.totalSkipCheckpoints, 2),
      `${x.engine.upRequests + x.engine.destroyRequests}/${x.sdk.requests}`,
      `${fmt(x.perResourceMs.engineUp, 1)}/${fmt(x.perResourceMs.engineDestroy, 1)}`,
      `${fmt(x.perResourceMs.sdkUp, 1)}/${fmt(x.perResourceMs.sdkDestroy, 1)}`,
    ]);
  }
  return [
    `8. The real Pulumi CLI against the SDK: pulumi up and destroy of N resources (trunks with a rule each), ${r.latencyMs} ms per LiveKit request, parallelism ${r.parallelism} on both sides`,
    columns(rows),
    `  the engine's fixed cost per operation (an empty program): up ${fmt(r.fixedCostMs.up, 0)} ms, destroy ${fmt(r.fixedCostMs.destroy, 0)} ms; ` +
      `"without checkpoints": PULUMI_SKIP_CHECKPOINTS=true, the file backend not rewriting the whole state after each step`,
  ];
}

function nativeEngine(r) {
  const rows = [["resources", "up ms native", "up ms dynamic", "up ms SDK", "native/dynamic", "native/SDK", "dynamic/SDK", "destroy ms native/dynamic/SDK", "state B/resource native", "state B/resource dynamic"]];
  for (const x of r.runs) {
    rows.push([
      x.resources,
      fmt(x.native.upMs, 0),
      fmt(x.dynamic.upMs, 0),
      fmt(x.sdk.upMs, 0),
      fmt(x.ratio.nativeToDynamicUp, 2),
      fmt(x.ratio.nativeToSdkUp, 2),
      fmt(x.ratio.dynamicToSdkUp, 2),
      `${fmt(x.native.destroyMs, 0)}/${fmt(x.dynamic.destroyMs, 0)}/${fmt(x.sdk.destroyMs, 0)}`,
      x.native.state.entryBytesPerResource,
      x.dynamic.state.entryBytesPerResource,
    ]);
  }
  return [
    `9. The native provider against the dynamic resources and the SDK: pulumi up of N resources (trunks with a rule each), ${r.latencyMs} ms per LiveKit request, parallelism ${r.parallelism}`,
    columns(rows),
    `  fixed cost per operation (an empty program), up/destroy ms: native ${fmt(r.fixedCostMs.native.up, 0)}/${fmt(r.fixedCostMs.native.destroy, 0)}, dynamic ${fmt(r.fixedCostMs.dynamic.up, 0)}/${fmt(r.fixedCostMs.dynamic.destroy, 0)}; ` +
      "state: the resource entries of `pulumi stack export`, secrets encrypted" +
      (r.loadAverage ? `; machine load average ${fmt(r.loadAverage.start)} at the start, ${fmt(r.loadAverage.end)} at the end` : ""),
  ];
}

function scaling(sc) {
  const rows = [["step", "n", "ms", "µs/item", "growth k", "peak +MiB"]];
  for (const [name, step] of Object.entries(sc.results)) {
    for (const r of step.runs) {
      if (r.skipped) rows.push([name, r.n, `skipped: ~${fmt(r.projectedMs / 1000, 0)} s`, "", "", `~${fmt(r.projectedPeakRssBytes / MiB, 0)}`]);
      else if (r.failed) rows.push([name, r.n, r.failed, "", "", ""]);
      else rows.push([name, r.n, fmt(r.ms, 1), fmt(r.usPerItem, 2), fmt(r.growthExponent, 2), fmt(Math.max(0, r.peakRssDeltaBytes) / MiB, 0)]);
    }
  }
  return ["5. Scaling (time ∝ n^k: k = 1 linear, 2 quadratic; peak = RSS high-water mark above the process before the step)", columns(rows)];
}

function reviewScale(r) {
  const rows = [["command", "trunks", "rules", "s", "growth k", "peak MiB per process", "peak MiB all processes"]];
  for (const command of ["plan", "diff"]) {
    for (const x of r[command]) rows.push([command, x.trunks, x.rules, fmt(x.ms / 1000, 1), fmt(x.growthExponent, 2), fmt(x.peakRssBytes / MiB, 0), fmt(x.peakTreeRssBytes / MiB, 0)]);
  }
  return [
    `5b. Review CLI at scale (a program of n trunks + 5n rules; diff against a revision changing every seventh rule; type check included; target at 1,000 + 5,000: ≤ ${r.target.ms / 1000} s, ≤ ${fmt(r.target.peakRssBytes / MiB, 0)} MiB)`,
    columns(rows),
  ];
}

function throughput(t) {
  return [
    `6. Emulator throughput (loopback, ${t.concurrency} clients): creates ${t.createPerSec}/s, durable creates ${t.durableCreatePerSec}/s, updates ${t.updatePerSec}/s, ` +
      `lists of ${t.listSize} trunks ${t.listPerSec}/s, filtered lists ${t.filteredListPerSec}/s`,
  ];
}

function emulatorScale(e) {
  const rows = [["store", "objects", "creates/s", "filtered lists/s", "peak MiB"]];
  for (const r of e.runs) rows.push([r.durable ? "durable" : "in memory", r.stored, r.createPerSec, r.filteredListPerSec, fmt(r.peakRssBytes / MiB, 0)]);
  return [`6b. Emulator as it fills (load from a separate process; target ≥ ${e.target.perSec}/s, flat)`, columns(rows)];
}

function memory(o) {
  const m = o.hostMemory;
  return [`7. Provider host peak RSS: ${fmt(m.startedRssBytes / MiB, 0)} MiB started, ${fmt(m.packageLoadedRssBytes / MiB, 0)} MiB with the package loaded, ${fmt(m.peakRssBytes / MiB, 0)} MiB peak during the ${o.resources.trunks + o.resources.rules}-resource run`];
}

function renderTable(results) {
  const { machine: m, git } = results;
  const lines = [
    `pulumi-livekit-sip benchmarks${results.quick ? " (QUICK: sizes too small to mean anything)" : ""}: ${m.cpus} × ${m.cpuModel}, node ${m.node}` +
      (git ? `, commit ${git.commit.slice(0, 7)}${git.dirty ? " + uncommitted changes" : ""}` : ""),
    "",
  ];
  const add = (block) => lines.push(...block, "");
  if (results.overhead) add(overhead(results.overhead, results.latency));
  if (results.breakdown) add(breakdown(results.breakdown));
  if (results.apiCalls) add(apiCalls(results.apiCalls));
  if (results.stateSize) add(stateSize(results.stateSize));
  if (results.scaling) add(scaling(results.scaling));
  if (results.reviewScale) add(reviewScale(results.reviewScale));
  if (results.throughput) add(throughput(results.throughput));
  if (results.emulatorScale) add(emulatorScale(results.emulatorScale));
  if (results.overhead) add(memory(results.overhead));
  if (results.realEngine) add(realEngine(results.realEngine));
  if (results.nativeEngine) add(nativeEngine(results.nativeEngine));
  lines.push(`took ${fmt(results.durationMs / 1000, 0)} s`);
  return `${lines.join("\n")}\n`;
}

module.exports = { renderTable };
