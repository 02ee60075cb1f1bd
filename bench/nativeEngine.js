"use strict";
/**
 * The two faces of the one lifecycle side by side through the real Pulumi CLI: `pulumi up` and
 * `pulumi destroy` of N resources (N/2 inbound trunks, each with a pinned rule naming it) with the
 * native provider `livekit` (pulumi-resource-livekit), with the dynamic resources, and the same
 * LiveKit calls made with livekit-server-sdk at the engine's parallelism, against one emulator in
 * its own process with a fixed latency per request; then the state each face leaves per resource
 * (`pulumi stack export`, secrets encrypted as in a real stack).
 */
const os = require("node:os");
const path = require("node:path");
const { spawnEmulator } = require("./spawnedEmulator");
const { engineStack, sdkRun, requests, ENGINE_PARALLELISM } = require("./realEngine");

const WORKLOAD = JSON.stringify(path.join(__dirname, "workload.js"));

/** The realEngine program with the native provider's resources: the same arguments, type tokens livekit:index:<Kind>. */
const NATIVE_PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const { ruleArgs, trunkArgs } = require(${WORKLOAD});
const pairs = new pulumi.Config().requireNumber("pairs");
for (let i = 0; i < pairs; i++) {
  const trunk = new pulumi.CustomResource("livekit:index:InboundTrunk", "trunk" + i, trunkArgs(i, 0));
  new pulumi.CustomResource("livekit:index:DispatchRule", "rule" + i, ruleArgs(i, trunk.id, 0));
}
`;

/** Stacks live in <fixture project>/bench-real/<stack>/; the package's bin links in <fixture project>/node_modules/.bin. */
const NATIVE_PROJECT = [
  "name: bench",
  "runtime:",
  "  name: nodejs",
  "  options:",
  "    typescript: false",
  "main: index.js",
  "plugins:",
  "  providers:",
  "    - name: livekit",
  "      path: ../../node_modules/.bin",
  "",
].join("\n");

const bytes = (value) => Buffer.byteLength(JSON.stringify(value));

/** Bytes of state per resource of ours (the resource entries), and of the whole exported state per resource. */
function stateBytes(exported, pattern) {
  const resources = exported.deployment.resources.filter((r) => pattern.test(r.type));
  const entries = resources.reduce((n, r) => n + bytes(r), 0);
  // The dynamic provider host's loader, stored in inputs and again in outputs; the native face has none.
  const loaders = resources.reduce((n, r) => n + Buffer.byteLength(r.inputs?.__provider ?? "") + Buffer.byteLength(r.outputs?.__provider ?? ""), 0);
  return {
    resources: resources.length,
    entryBytesPerResource: Math.round(entries / resources.length),
    providerBytesPerResource: Math.round(loaders / resources.length),
    exportBytesPerResource: Math.round(bytes(exported) / resources.length),
  };
}

async function run({ sizes = [400], latencyMs = 25, projectDir, log = () => undefined }) {
  const emulator = await spawnEmulator();
  const stacks = {
    native: await engineStack(projectDir, emulator, "native-engine", {}, { program: NATIVE_PROGRAM, project: NATIVE_PROJECT }),
    dynamic: await engineStack(projectDir, emulator, "dynamic-engine"),
  };
  const ours = { native: /^livekit:index:/, dynamic: /^pulumi-nodejs:dynamic\/livekit:/ };
  // The machine's load beside the figures: the bench shares its cores with whatever else runs.
  const loadAverage = { start: os.loadavg()[0] };
  try {
    await emulator.setLatency(latencyMs);
    // The fixed cost per operation, as realEngine measures it: an empty program's up and destroy.
    const fixedCostMs = {};
    for (const [face, stack] of Object.entries(stacks)) {
      await stack.up(0); // warm-up: the first run also creates the stack's state
      fixedCostMs[face] = { up: await stack.up(0), destroy: await stack.destroy() };
    }
    const runs = [];
    for (const n of sizes) {
      log(`  native vs dynamic vs SDK: ${n} resources`);
      const result = { resources: n };
      for (const [face, stack] of Object.entries(stacks)) {
        await emulator.resetStats();
        const upMs = await stack.up(n / 2);
        const upRequests = requests(await emulator.stats());
        const state = stateBytes(await stack.exportState(), ours[face]);
        await emulator.resetStats();
        const destroyMs = await stack.destroy();
        result[face] = { upMs, destroyMs, upRequests, destroyRequests: requests(await emulator.stats()), state };
      }
      await emulator.resetStats();
      const sdk = await sdkRun(emulator, n / 2, ENGINE_PARALLELISM);
      result.sdk = { upMs: sdk.upMs, destroyMs: sdk.destroyMs, requests: requests(await emulator.stats()) - 1 };
      result.ratio = {
        nativeToDynamicUp: result.native.upMs / result.dynamic.upMs,
        nativeToSdkUp: result.native.upMs / result.sdk.upMs,
        dynamicToSdkUp: result.dynamic.upMs / result.sdk.upMs,
        nativeToDynamicState: result.native.state.entryBytesPerResource / result.dynamic.state.entryBytesPerResource,
      };
      runs.push(result);
    }
    loadAverage.end = os.loadavg()[0];
    return { latencyMs, parallelism: ENGINE_PARALLELISM, loadAverage, fixedCostMs, runs };
  } finally {
    for (const stack of Object.values(stacks)) stack.remove();
    await emulator.close();
  }
}

module.exports = { run };
