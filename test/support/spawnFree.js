"use strict";
/**
 * The test files that spawn no process, directly or through what they import from the test tree
 * or the source: the fast tier (`npm run test:unit`). A file spawns when it, or anything it
 * imports by relative path, uses node:child_process (or worker threads).
 */
const { readFileSync, readdirSync, statSync, existsSync } = require("node:fs");
const { dirname, join, resolve } = require("node:path");

/**
 * Modules that spawn only when asked (LiveKit's server in the differential project, git for
 * revisions): importing them does not make a test spawn. The unit tier's guard
 * (unitTierGuard.js) fails any test that spawns anyway.
 */
const ON_DEMAND = ["test/differential/liveKitServer.ts", "src/routing/gitRevision.ts", "src/routing/loadSides.ts"].map((p) => resolve(__dirname, "..", "..", p));

const SPAWNS = /from "node:(child_process|worker_threads)"|require\("node:(child_process|worker_threads)"\)|from "child_process"|require\("child_process"\)/;
const IMPORT = /(?:from|require\()\s*"(\.{1,2}\/[^"]+)"/g;

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.js`, join(base, "index.ts"), join(base, "index.js")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function spawnsFrom(file, seen = new Map()) {
  if (seen.has(file)) return seen.get(file);
  if (ON_DEMAND.includes(file)) return false;
  seen.set(file, false);
  const text = readFileSync(file, "utf8");
  let spawns = SPAWNS.test(text);
  for (const match of text.matchAll(IMPORT)) {
    if (spawns) break;
    const target = resolveImport(file, match[1]);
    if (target) spawns = spawnsFrom(target, seen);
  }
  seen.set(file, spawns);
  return spawns;
}

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Test files under `root` (skipping `exclude` folders) that spawn nothing. */
function spawnFreeTests(root, exclude = []) {
  const seen = new Map();
  return testFiles(root).filter((file) => !exclude.some((dir) => file.startsWith(dir)) && !spawnsFrom(file, seen));
}

module.exports = { spawnFreeTests, spawnsFrom };
