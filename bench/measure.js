"use strict";
/** Timing and summary helpers shared by the sections. */

/**
 * Runs `task(i)` for i < count from `concurrency` workers and records each task's latency.
 * Returns the wall time and the latencies, in milliseconds.
 */
async function runPool(count, concurrency, task) {
  const latencies = new Array(count);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t = performance.now();
      await task(i);
      latencies[i] = performance.now() - t;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { wallMs: performance.now() - started, latencies };
}

/** The q-quantile (0–1) by nearest rank. */
function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const median = (values) => quantile(values, 0.5);

const percentiles = (values) => ({ p50: round(quantile(values, 0.5), 3), p90: round(quantile(values, 0.9), 3), p99: round(quantile(values, 0.99), 3) });

const round = (value, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

/** Times `fn` once, in milliseconds. */
async function time(fn) {
  const t = performance.now();
  const result = await fn();
  return { ms: performance.now() - t, result };
}

module.exports = { runPool, quantile, median, percentiles, round, time };
