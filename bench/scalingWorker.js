"use strict";
/**
 * Measures one scaling step at one size in a process of its own, so memory figures start clean and
 * a step that runs away can be stopped: `node --expose-gc bench/scalingWorker.js <step> <n>`.
 * Prints one JSON line. Module loading and a warm-up on a small input are excluded.
 */
const { readFileSync, writeFileSync } = require("node:fs");
const { median } = require("./measure");
const { steps } = require("./scalingSteps");

const status = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN) * 1024;

/** Resets the peak RSS (VmHWM) to the current RSS; false where the kernel does not allow it. */
function resetPeakRss() {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

const gc = () => (global.gc ? global.gc() : undefined);
const MIN_TOTAL_MS = 200;
const MAX_REPS = 5;

async function measure(name, n) {
  const step = steps[name];
  if (!step) throw new Error(`unknown step ${name}; known: ${Object.keys(steps).join(", ")}`);
  // A warm-up as large as the measured input (up to 2000 items) so small sizes are not timed cold.
  const warm = Math.min(n, step.warmUp ?? 2000);
  if (step.timesItself) {
    await step.run(warm);
  } else {
    await step.run(step.input(warm));
  }
  gc();
  const baseHeap = process.memoryUsage().heapUsed;
  const input = step.timesItself ? n : step.input(n);
  gc();
  const inputHeapBytes = process.memoryUsage().heapUsed - baseHeap;
  const heapBefore = process.memoryUsage().heapUsed;
  const peakReset = resetPeakRss();
  const rssBefore = status("VmRSS");
  // Steps that time themselves (they build what they need inside) answer { ms, detail }.
  const times = [];
  let first;
  let peakRssDeltaBytes;
  let total = 0;
  do {
    const t = performance.now();
    const result = await step.run(input);
    const elapsed = performance.now() - t;
    times.push(step.timesItself ? result.ms : elapsed);
    total += elapsed;
    if (times.length === 1) {
      first = result;
      peakRssDeltaBytes = status("VmHWM") - rssBefore;
    }
  } while (!step.timesItself && total < MIN_TOTAL_MS && times.length < MAX_REPS);
  gc();
  return {
    step: name,
    n,
    ms: median(times),
    reps: times.length,
    inputHeapBytes: step.timesItself ? undefined : inputHeapBytes,
    peakRssDeltaBytes,
    peakRssReset: peakReset,
    retainedHeapBytes: process.memoryUsage().heapUsed - heapBefore,
    detail: step.timesItself ? first.detail : undefined,
    result: step.timesItself ? undefined : first,
  };
}

if (require.main === module) {
  const [name, size] = process.argv.slice(2);
  measure(name, Number(size))
    .then((figures) => {
      process.stdout.write(`${JSON.stringify(figures)}\n`);
      process.exit(0);
    })
    .catch((error) => {
      process.stderr.write(`${error?.stack ?? error}\n`);
      process.exit(1);
    });
}

module.exports = { measure };
