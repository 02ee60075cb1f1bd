"use strict";
/**
 * Scaling: each step at growing sizes, each measurement in a fresh process (scalingWorker.js).
 * A size is skipped, with the projection said, when extrapolating the growth seen so far puts it
 * over the time or memory budget, so the whole bench stays within minutes; the growth exponent
 * between sizes (1 = linear, 2 = quadratic) shows which steps would need it.
 */
const { execFile } = require("node:child_process");
const { join } = require("node:path");
const { round } = require("./measure");
const { steps } = require("./scalingSteps");

const FULL_PLAN = [
  ["validateSpec", [1000, 10000, 100000]],
  ["entryValidation", [1000, 10000, 100000]],
  ["trunkConflicts", [1000, 10000, 100000]],
  ["ruleConflicts", [1000, 10000, 100000]],
  ["ruleConflicts8Keys", [1000, 10000, 100000]],
  ["preCheckTrunk", [1000, 10000, 100000]],
  ["preCheckRule", [1000, 10000, 100000]],
  ["programEvaluation", [50, 100, 200, 1000]],
  ["planRendering", [250, 500, 1000]],
];

const BUDGET = { ms: 30_000, peakRssBytes: 3 * 1024 ** 3 };
const HARD_TIMEOUT_MS = 120_000;

function runWorker(step, n, nodeArgs) {
  return new Promise((resolve) => {
    const args = ["--expose-gc", ...nodeArgs, join(__dirname, "scalingWorker.js"), step, String(n)];
    execFile(process.execPath, args, { timeout: HARD_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const why = error.killed ? `stopped after ${HARD_TIMEOUT_MS / 1000} s` : /heap out of memory/i.test(stderr) ? "ran out of memory" : stderr.trim().split("\n").pop();
        resolve({ n, failed: why });
      } else resolve(JSON.parse(stdout.trim().split("\n").pop()));
    });
  });
}

/** Growth exponent between two measurements: t ∝ n^k. */
const exponent = (a, b, field) => Math.log(b[field] / a[field]) / Math.log(b.n / a.n);

// Below these, a figure is mostly noise (timer resolution, heap slack) and says nothing about growth.
const GROWTH_FLOOR = { ms: 20, peakRssDeltaBytes: 32 * 1024 ** 2 };

/**
 * What size n would cost if growth continues as between the last two measurements, linear when
 * there is only one or they are too small to tell, and never better than linear.
 */
function project(done, n, field) {
  const last = done[done.length - 1];
  const before = done[done.length - 2];
  const measurable = before && before[field] >= GROWTH_FLOOR[field] && last[field] >= GROWTH_FLOOR[field];
  const k = measurable ? Math.min(2.5, Math.max(1, exponent(before, last, field))) : 1;
  return Math.max(last[field], 0) * (n / last.n) ** k;
}

async function run({ plan = FULL_PLAN, nodeArgs = [], log = () => undefined } = {}) {
  const results = {};
  for (const [step, sizes] of plan) {
    const done = [];
    const runs = [];
    for (const n of sizes) {
      if (done.length > 0) {
        const projectedMs = project(done, n, "ms");
        const projectedPeakRssBytes = project(done, n, "peakRssDeltaBytes");
        if (projectedMs > BUDGET.ms || projectedPeakRssBytes > BUDGET.peakRssBytes) {
          runs.push({ n, skipped: "over the bench budget", projectedMs: Math.round(projectedMs), projectedPeakRssBytes: Math.round(projectedPeakRssBytes) });
          log(`  ${step} ${n}: skipped (projected ${(projectedMs / 1000).toFixed(0)} s, ${(projectedPeakRssBytes / 1024 ** 2).toFixed(0)} MiB)`);
          continue;
        }
      }
      const figures = await runWorker(step, n, nodeArgs);
      if (figures.failed) {
        runs.push(figures);
        log(`  ${step} ${n}: ${figures.failed}`);
        continue;
      }
      const previous = done[done.length - 1];
      done.push(figures);
      runs.push({
        n,
        ms: round(figures.ms, 3),
        usPerItem: round((figures.ms * 1000) / n, 3),
        growthExponent: previous ? round(exponent(previous, figures, "ms"), 2) : undefined,
        peakRssDeltaBytes: figures.peakRssDeltaBytes,
        inputHeapBytes: figures.inputHeapBytes,
        reps: figures.reps,
        ...(figures.detail ? { stagesMs: Object.fromEntries(Object.entries(figures.detail).map(([k, v]) => [k, round(v, 2)])) } : {}),
      });
      log(`  ${step} ${n}: ${figures.ms.toFixed(1)} ms, peak +${(figures.peakRssDeltaBytes / 1024 ** 2).toFixed(0)} MiB`);
    }
    results[step] = { about: steps[step].about, items: steps[step].items, runs };
  }
  return { budget: BUDGET, results };
}

module.exports = { run, FULL_PLAN };
