import { readdirSync, readFileSync } from "fs";
import * as path from "path";

/**
 * The benchmarks (bench/, `npm run bench`) are not run by the tests: they take minutes. This
 * checks, in a few seconds, that every module loads, that a tiny scaling run gives well-formed
 * figures, and that the committed results render.
 */
const BENCH = path.resolve(__dirname, "../../bench");

it("loads every bench module", () => {
  const modules = readdirSync(BENCH).filter((f) => f.endsWith(".js"));
  for (const file of modules) expect(() => require(path.join(BENCH, file))).not.toThrow();
});

it("measures a tiny scaling run in fresh processes, with growth and memory figures", async () => {
  const { run } = require(path.join(BENCH, "scaling.js"));
  const { results } = await run({ plan: [["trunkConflicts", [100, 1000]], ["planRendering", [5]]], nodeArgs: ["--no-warnings"] });
  const [small, large] = results.trunkConflicts.runs;
  expect(small).toMatchObject({ n: 100, ms: expect.any(Number), usPerItem: expect.any(Number), peakRssDeltaBytes: expect.any(Number) });
  expect(large.growthExponent).toEqual(expect.any(Number));
  expect(Object.keys(results.planRendering.runs[0].stagesMs)).toEqual(["routingConfig", "buildRoutingPlan", "renderMarkdown", "renderText"]);
});

it("runs the real-engine comparison at a tiny size: the engine makes the SDK's LiveKit writes plus one naming write per create", async () => {
  const { preparePackedProject } = require("../harness/fixtureProject");
  const { dir } = await preparePackedProject();
  const figures = await require(path.join(BENCH, "realEngine.js")).run({ sizes: [4], latencyMs: 1, projectDir: dir });
  const [run] = figures.runs;
  // Two writes per create (under its creation mark, then its name: docs/reliability.md) plus the
  // conflict pre-check's two listings (inbound trunks, rules); one delete each.
  expect(run.engine).toMatchObject({ upRequests: 2 * 4 + 2, destroyRequests: 4 });
  expect(run.sdk.requests).toBe(8);
  expect(run.ratio.total).toBeGreaterThan(0);
  expect(figures.fixedCostMs.up).toBeGreaterThan(0);
}, 120_000);

it("runs the native provider beside the dynamic resources and the SDK at a tiny size: the same LiveKit writes, under 1 KB of loader", async () => {
  const { preparePackedProject } = require("../harness/fixtureProject");
  const { dir } = await preparePackedProject();
  const figures = await require(path.join(BENCH, "nativeEngine.js")).run({ sizes: [4], latencyMs: 1, projectDir: dir });
  const [run] = figures.runs;
  for (const face of ["native", "dynamic"]) {
    expect([face, run[face].upRequests, run[face].destroyRequests, run[face].state.resources]).toEqual([face, 2 * 4 + 2, 4, 4]);
  }
  expect(run.sdk.requests).toBe(8);
  // The dynamic resources store their loader in inputs and outputs (issue target: at most 1 KB); the native ones none.
  expect(run.native.state.providerBytesPerResource).toBe(0);
  expect(run.dynamic.state.providerBytesPerResource).toBeGreaterThan(0);
  expect(run.dynamic.state.providerBytesPerResource).toBeLessThanOrEqual(1024);
}, 180_000);

it("times plan and diff of a generated program through the built CLI, with peak memory per process", async () => {
  const figures = await require(path.join(BENCH, "reviewScale.js")).run({ sizes: [4, 8] });
  for (const command of ["plan", "diff"]) {
    expect(figures[command].map((r: { rules: number }) => r.rules)).toEqual([20, 40]);
    for (const r of figures[command]) expect(r.ms > 0 && r.peakRssBytes > 0 && r.peakTreeRssBytes >= r.peakRssBytes).toBe(true);
  }
  // diff evaluates its two sides in processes of their own.
  expect(figures.diff[0].peakTreeRssBytes).toBeGreaterThan(1.5 * figures.diff[0].peakRssBytes);
}, 120_000);

it("loads the emulator from a separate process as it fills, in memory and durable", async () => {
  const figures = await require(path.join(BENCH, "emulatorScale.js")).run({ sizes: [5, 50], ms: 100 });
  expect(figures.runs.map((r: { durable: boolean; stored: number }) => [r.durable, r.stored])).toEqual([[false, 5], [false, 50], [true, 5], [true, 50]]);
  for (const r of figures.runs) expect(r.createPerSec > 0 && r.filteredListPerSec > 0 && r.peakRssBytes > 0).toBe(true);
}, 60_000);

it("renders the committed results, whose request counts match the documented ones", () => {
  const results = JSON.parse(readFileSync(path.join(BENCH, "results.json"), "utf8"));
  const table: string = require(path.join(BENCH, "table.js")).renderTable(results);
  expect(table).not.toMatch(/undefined|NaN/);
  for (const heading of ["1. Overhead", "2. Where", "3. LiveKit requests", "4. State", "5. Scaling", "5b. Review CLI at scale", "6. Emulator", "7. Provider host", "8. The real Pulumi CLI", "9. The native provider"]) expect(table).toContain(heading);
  expect(results.apiCalls.perResource).toEqual({ check: 0, diff: 0, create: 2, update: 1, read: 1, delete: 1 });
  expect(results.apiCalls.writesInPreviews).toBe(0);
  expect(results.apiCalls.requestsWithoutChanges).toBe(0);
  // At most one listing per conflict-checked kind (inbound trunks, dispatch rules), whatever the size.
  expect(Object.values(results.apiCalls.preCheckLists).every((n) => (n as number) <= 2)).toBe(true);
});
