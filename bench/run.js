"use strict";
/**
 * `npm run bench`: every benchmark in one run, a table on stdout and the figures in
 * bench/results.json. Needs `npm run build` (the npm script does it). Options:
 *   --quick          tiny sizes, to check the bench itself works (figures meaningless)
 *   --only=a,b       sections: overhead, latency, breakdown, apiCalls, realEngine, nativeEngine, scaling, reviewScale, throughput, emulatorScale
 *   --out=<file>     where to write the figures (default bench/results.json)
 */
const { execFileSync, spawnSync } = require("node:child_process");
const { writeFileSync } = require("node:fs");
const os = require("node:os");
const { join, resolve } = require("node:path");

// Memory figures need global.gc, and Pulumi's dependencies print deprecation noise: run again with the flags.
const NODE_FLAGS = ["--expose-gc", "--disable-warning=DEP0025", "--disable-warning=ExperimentalWarning"];
if (require.main === module && typeof global.gc !== "function") {
  const child = spawnSync(process.execPath, [...NODE_FLAGS, __filename, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

const { fromTest } = require("./tsLoader");
const { providerTexts } = require("./providerText");
const { renderTable } = require("./table");

const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const quick = process.argv.includes("--quick");

/** Sizes: the figures, or tiny ones that only prove the bench runs. */
const SETTINGS = quick
  ? {
      overhead: { count: 5, concurrency: 2, rounds: 1 },
      latency: { count: 5, concurrency: 2, rounds: 1, latencyMs: 25 },
      breakdown: { count: 5 },
      apiCalls: { count: 3, outbound: 1 },
      realEngine: { sizes: [4, 8], latencyMs: 25 },
      nativeEngine: { sizes: [8], latencyMs: 25 },
      scaling: { plan: [["trunkConflicts", [100, 1000]], ["planRendering", [10]]] },
      reviewScale: { sizes: [20, 40] },
      emulatorScale: { sizes: [10, 100], ms: 200 },
    }
  : {
      overhead: { count: 200, concurrency: 10, rounds: 5 },
      latency: { count: 200, concurrency: 10, rounds: 2, latencyMs: 25 },
      breakdown: { count: 100 },
      apiCalls: { count: 50, outbound: 10 },
      realEngine: { sizes: [100, 400], latencyMs: 25 },
      nativeEngine: { sizes: [400], latencyMs: 25 },
      scaling: {},
      reviewScale: { sizes: [250, 500, 1000] },
      emulatorScale: { sizes: [100, 10_000, 100_000], ms: 1500 },
    };

function gitState() {
  try {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: __dirname, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: __dirname, encoding: "utf8" }).trim() !== "";
    return { commit, dirty };
  } catch {
    return undefined;
  }
}

const machine = () => ({
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryBytes: os.totalmem(),
  platform: `${os.platform()} ${os.release()}`,
  node: process.version,
});

async function main() {
  const sections = (option("only") ?? "overhead,latency,breakdown,apiCalls,realEngine,nativeEngine,scaling,reviewScale,throughput,emulatorScale").split(",");
  const out = resolve(option("out") ?? join(__dirname, "results.json"));
  const log = (line) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  const results = { generatedAt: new Date().toISOString(), quick, machine: machine(), git: gitState() };

  // The packed package, installed as users install it: only for sections that run the provider host.
  let projectDir;
  let texts;
  if (sections.some((name) => ["overhead", "latency", "breakdown", "apiCalls", "realEngine", "nativeEngine"].includes(name))) {
    ({ dir: projectDir } = await fromTest("harness/fixtureProject.ts").preparePackedProject());
    texts = await providerTexts(projectDir, ["InboundTrunk", "DispatchRule"]);
  }

  const section = async (name, body) => {
    if (!sections.includes(name)) return;
    log(`${name}…`);
    const t = performance.now();
    results[name] = await body();
    log(`${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  await section("overhead", () => require("./overhead").run({ ...SETTINGS.overhead, projectDir, texts, log }));
  await section("latency", () => require("./overhead").run({ ...SETTINGS.latency, projectDir, texts, log }));
  await section("breakdown", () => require("./breakdown").run({ ...SETTINGS.breakdown, projectDir, texts }));
  await section("apiCalls", async () => {
    const { stateAfterCreate, ...calls } = await require("./apiCalls").run({ ...SETTINGS.apiCalls, projectDir });
    results.stateSize = require("./stateSize").measure(stateAfterCreate);
    return calls;
  });
  await section("realEngine", () => require("./realEngine").run({ ...SETTINGS.realEngine, projectDir, log }));
  await section("nativeEngine", () => require("./nativeEngine").run({ ...SETTINGS.nativeEngine, projectDir, log }));
  await section("scaling", () => require("./scaling").run({ ...SETTINGS.scaling, nodeArgs: NODE_FLAGS.slice(1), log }));
  await section("reviewScale", () => require("./reviewScale").run({ ...SETTINGS.reviewScale, log }));
  await section("throughput", () => require("./emulator").run());
  await section("emulatorScale", () => require("./emulatorScale").run({ ...SETTINGS.emulatorScale, log }));

  results.durationMs = Math.round(performance.now() - started);
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(renderTable(results));
  log(`figures written to ${out}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
