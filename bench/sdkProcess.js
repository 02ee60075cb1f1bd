"use strict";
/**
 * The SDK side in a fresh process per phase, as a script calling LiveKit runs once per change:
 * the same footing as the provider side, where each Pulumi operation starts a fresh host. Process
 * start and the first request (module loading, connection) are left out, as they are for the host.
 */
const { fork } = require("node:child_process");
const { cpuMs } = require("./cpu");
const { sdkSide } = require("./sdkSide");

/** Parent side: one forked child per phase, carrying the object IDs from phase to phase. */
function sdkProcessSide(emulator, { count, concurrency }) {
  let ids = { trunkIds: [], ruleIds: [] };
  const inChild = (phase) =>
    new Promise((resolve, reject) => {
      const child = fork(__filename, ["--child"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
      child.once("error", reject);
      child.once("exit", (code) => code !== 0 && reject(new Error(`SDK process exited with ${code}`)));
      child.once("message", (answer) => {
        if (answer.error) return reject(new Error(answer.error));
        ids = answer.ids;
        child.disconnect();
        resolve(answer.timed);
      });
      const { url, apiKey, apiSecret } = emulator;
      child.send({ phase, emulator: { url, apiKey, apiSecret }, count, concurrency, ids });
    });
  return {
    name: "sdk",
    warmUp: async () => undefined,
    create: () => inChild("create"),
    update: () => inChild("update"),
    delete: () => inChild("delete"),
    close: async () => undefined,
  };
}

/** Child side: one phase, timed after a first untimed request. */
function serve() {
  process.once("message", async ({ phase, emulator, count, concurrency, ids }) => {
    try {
      const side = sdkSide(emulator, { count, concurrency, ids });
      await side.warmUp();
      const before = cpuMs();
      const timed = await side[phase]();
      // The warm-up request reached the emulator inside the parent's counting window.
      process.send({ timed: { ...timed, driverCpuMs: cpuMs() - before, untimedCalls: { ListSIPInboundTrunk: 1 } }, ids: side.ids });
    } catch (error) {
      process.send({ error: String(error?.stack ?? error) });
    }
  });
}

if (require.main === module && process.argv.includes("--child")) serve();

module.exports = { sdkProcessSide };
