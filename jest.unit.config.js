/**
 * `npm run test:unit`: the fast tier, every test that needs no spawned process (no CLI, provider
 * host, Pulumi engine, LiveKit server or child emulator), found by following each test's imports
 * (test/support/spawnFree.js). `npm test` runs everything.
 */
const { join } = require("node:path");
const full = require("./jest.config");
const { spawnFreeTests } = require("./test/support/spawnFree");

const suite = full.projects.find((p) => p.displayName === "suite");
const tests = spawnFreeTests(join(__dirname, "test"), [join(__dirname, "test", "differential")]);

module.exports = {
  ...suite,
  displayName: "unit",
  testMatch: undefined,
  testPathIgnorePatterns: ["/node_modules/"],
  testRegex: tests.map((file) => file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
  setupFiles: [join(__dirname, "test", "support", "unitTierGuard.js")],
  testTimeout: full.testTimeout,
  maxWorkers: full.maxWorkers,
};
