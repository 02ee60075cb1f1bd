"use strict";
/**
 * The fast tier's guard: a test that spawns a process after all fails with a message saying where
 * it belongs, instead of slowing the tier down (see jest.unit.config.js).
 */
const childProcess = require("node:child_process");

for (const name of ["spawn", "spawnSync", "fork", "exec", "execSync", "execFile", "execFileSync"]) {
  childProcess[name] = () => {
    throw new Error(`child_process.${name} in the unit tier: this test spawns a process, so it belongs to \`npm test\` only; mark the module it goes through in test/support/spawnFree.js`);
  };
}
