"use strict";
/**
 * The real engine against the raw SDK: `pulumi up` and `pulumi destroy` of N resources (N/2 inbound
 * trunks, each with a pinned rule naming it) through the real Pulumi CLI, beside a script that makes
 * the same LiveKit calls with livekit-server-sdk at the engine's parallelism (a rule starts when its
 * trunk exists; rules are deleted before their trunks), against one emulator in its own process with
 * a fixed latency per request. An empty program's `up` and `destroy` measure the engine's fixed cost
 * per operation, so the rest is the cost per resource.
 */
const { execFile, spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { SipClient } = require("livekit-server-sdk");
const { RoomAgentDispatch, RoomConfiguration } = require("@livekit/protocol");
const { runPool } = require("./measure");
const { spawnEmulator } = require("./spawnedEmulator");
const { ruleArgs, trunkArgs } = require("./workload");

/** The engine's default `--parallel` (pulumi up --help: "default 8"). */
const ENGINE_PARALLELISM = 8;

const PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const { DispatchRule, InboundTrunk } = require("pulumi-livekit-sip");
const { ruleArgs, trunkArgs } = require(${JSON.stringify(path.join(__dirname, "workload.js"))});
const pairs = new pulumi.Config().requireNumber("pairs");
for (let i = 0; i < pairs; i++) {
  const trunk = new InboundTrunk("trunk" + i, trunkArgs(i, 0));
  new DispatchRule("rule" + i, ruleArgs(i, trunk.sipTrunkId, 0));
}
`;

function pulumi(dir, env, args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("pulumi", [...args, "--non-interactive"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`pulumi ${args.join(" ")} exited ${code}:\n${output.slice(-3000)}`));
    });
  });
}

const PROJECT = "name: bench\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n";

/**
 * A stack of a bench program (the dynamic resources' unless another is given, with the Pulumi.yaml
 * it needs) in the fixture project, where the packed package is installed.
 */
async function engineStack(projectDir, emulator, name, extraEnv = {}, { program = PROGRAM, project = PROJECT } = {}) {
  const dir = path.join(projectDir, "bench-real", `${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, ".state"), { recursive: true });
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), project);
  fs.writeFileSync(path.join(dir, "index.js"), program);
  const env = {
    ...process.env,
    PULUMI_HOME: path.join(dir, ".pulumi-home"),
    PULUMI_BACKEND_URL: `file://${path.join(dir, ".state")}`,
    PULUMI_CONFIG_PASSPHRASE: "bench",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    ...extraEnv,
  };
  await pulumi(dir, env, ["stack", "init", "bench", "--secrets-provider", "passphrase"]);
  for (const [key, value] of [["livekit:url", emulator.url], ["livekit:apiKey", emulator.apiKey]]) await pulumi(dir, env, ["config", "set", key, value]);
  await pulumi(dir, env, ["config", "set", "--secret", "livekit:apiSecret", emulator.apiSecret]);
  return {
    async up(pairs) {
      await pulumi(dir, env, ["config", "set", "pairs", String(pairs)]);
      return pulumi(dir, env, ["up", "--yes", "--skip-preview"]);
    },
    destroy: () => pulumi(dir, env, ["destroy", "--yes", "--skip-preview"]),
    /** The stack's state as `pulumi stack export` writes it. */
    exportState: () =>
      new Promise((resolve, reject) =>
        execFile("pulumi", ["stack", "export", "--non-interactive"], { cwd: dir, env, maxBuffer: 512 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout)))),
      ),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The same LiveKit calls with the SDK: create pairs (trunk, then its rule), delete rules then trunks. */
async function sdkRun(emulator, pairs, concurrency) {
  const sip = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
  await sip.listSipInboundTrunk();
  const trunkIds = [];
  const ruleIds = [];
  const create = await runPool(pairs, concurrency, async (i) => {
    const t = trunkArgs(i, 0);
    trunkIds[i] = (await sip.createSipInboundTrunk(t.name, t.numbers, { allowedAddresses: t.allowedAddresses, krispEnabled: t.krispEnabled })).sipTrunkId;
    const r = ruleArgs(i, trunkIds[i], 0);
    const roomConfig = new RoomConfiguration({ agents: r.roomConfig.agents.map((a) => new RoomAgentDispatch(a)) });
    ruleIds[i] = (await sip.createSipDispatchRule({ type: "direct", roomName: r.rule.roomName, pin: r.rule.pin }, { trunkIds: r.trunkIds, name: r.name, roomConfig })).sipDispatchRuleId;
  });
  const started = performance.now();
  await runPool(pairs, concurrency, (i) => sip.deleteSipDispatchRule(ruleIds[i]));
  await runPool(pairs, concurrency, (i) => sip.deleteSipTrunk(trunkIds[i]));
  return { upMs: create.wallMs, destroyMs: performance.now() - started };
}

const requests = (stats) => Object.values(stats.byMethod).reduce((a, b) => a + b, 0);

/** One size through one stack: the engine's up and destroy with LiveKit's request counts. */
async function engineRun(stack, emulator, n) {
  await emulator.resetStats();
  const upMs = await stack.up(n / 2);
  const upRequests = requests(await emulator.stats());
  await emulator.resetStats();
  const destroyMs = await stack.destroy();
  return { upMs, destroyMs, upRequests, destroyRequests: requests(await emulator.stats()) };
}

async function run({ sizes = [100, 400], latencyMs = 25, projectDir, log = () => undefined }) {
  const emulator = await spawnEmulator();
  const stack = await engineStack(projectDir, emulator, "real-engine");
  // The same engine without its state checkpoint after every step (an engine setting users can
  // choose), to show how much of the time is the file backend rewriting the whole state each step.
  const noCheckpoints = await engineStack(projectDir, emulator, "real-engine-skip-checkpoints", { PULUMI_SKIP_CHECKPOINTS: "true" });
  try {
    await emulator.setLatency(latencyMs);
    // The engine's fixed cost per operation: an up and a destroy of a program with no resources
    // (CLI start, language host, program evaluation, provider plugin start, state writes).
    await stack.up(0); // warm-up: the first run also creates the stack's state
    const emptyUpMs = await stack.up(0);
    const emptyDestroyMs = await stack.destroy();
    const runs = [];
    for (const n of sizes) {
      log(`  real engine: ${n} resources`);
      const engine = await engineRun(stack, emulator, n);
      const skipCheckpoints = await engineRun(noCheckpoints, emulator, n);
      await emulator.resetStats();
      const sdk = await sdkRun(emulator, n / 2, ENGINE_PARALLELISM);
      const sdkRequests = requests(await emulator.stats()) - 1; // minus the untimed warm-up listing
      runs.push({
        resources: n,
        engine,
        engineSkipCheckpoints: skipCheckpoints,
        sdk: { upMs: sdk.upMs, destroyMs: sdk.destroyMs, requests: sdkRequests },
        ratio: {
          up: engine.upMs / sdk.upMs,
          destroy: engine.destroyMs / sdk.destroyMs,
          total: (engine.upMs + engine.destroyMs) / (sdk.upMs + sdk.destroyMs),
          totalSkipCheckpoints: (skipCheckpoints.upMs + skipCheckpoints.destroyMs) / (sdk.upMs + sdk.destroyMs),
        },
        // What is left of the engine's time once its fixed cost per operation is taken away.
        perResourceMs: {
          engineUp: (engine.upMs - emptyUpMs) / n,
          engineDestroy: (engine.destroyMs - emptyDestroyMs) / n,
          engineUpSkipCheckpoints: (skipCheckpoints.upMs - emptyUpMs) / n,
          sdkUp: sdk.upMs / n,
          sdkDestroy: sdk.destroyMs / n,
        },
      });
    }
    return { latencyMs, parallelism: ENGINE_PARALLELISM, fixedCostMs: { up: emptyUpMs, destroy: emptyDestroyMs }, runs };
  } finally {
    stack.remove();
    noCheckpoints.remove();
    await emulator.close();
  }
}

module.exports = { run, engineStack, engineRun, sdkRun, requests, ENGINE_PARALLELISM };
