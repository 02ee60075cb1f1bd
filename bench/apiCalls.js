"use strict";
/**
 * LiveKit requests per operation, counted by the emulator, for a whole program run through the
 * MiniEngine (the engine's step sequence against the real provider host, one host per operation as
 * the CLI starts one). The conflict pre-check's listings are counted apart from the per-resource
 * requests, since they are once per kind and operation.
 */
const { startEmulator } = require("../dist/emulator");
const { fromTest } = require("./tsLoader");
const { estateProgram } = require("./estateProgram");

const { MiniEngine } = fromTest("harness/engine.ts");

const isMutating = (method) => /^(Create|Update|Delete)/.test(method);

function tally(byMethod, steps) {
  const calls = Object.entries(byMethod);
  const sum = (pick) => calls.filter(([m]) => pick(m)).reduce((n, [, c]) => n + c, 0);
  const rpcs = {};
  for (const step of steps) rpcs[step.op] = (rpcs[step.op] ?? 0) + 1;
  // In an up, the only reads are the pre-check's listings; in a refresh, they are the reads themselves.
  return { requests: sum(() => true), mutating: sum(isMutating), reads: sum((m) => !isMutating(m)), byMethod, providerRpcs: rpcs };
}

async function run({ count = 50, outbound = 10, projectDir }) {
  const emulator = await startEmulator({ port: 0 });
  const options = { config: { "livekit:url": emulator.url, "livekit:apiKey": emulator.apiKey, "livekit:apiSecret": emulator.apiSecret }, secretKeys: ["livekit:apiSecret"] };
  const engine = new MiniEngine({ cwd: projectDir, project: "bench", stack: "dev", parallel: 10 });
  const sizes = { count, outbound };
  const operations = {};
  const counted = async (name, op) => {
    emulator.resetStats();
    const result = await op();
    operations[name] = tally(emulator.stats().byMethod, result.steps);
    return result;
  };
  let stateAfterCreate;
  try {
    await counted("preview (all new)", () => engine.preview(estateProgram(projectDir, sizes, 0), options));
    await counted("up (create all)", () => engine.up(estateProgram(projectDir, sizes, 0), options));
    stateAfterCreate = engine.state;
    await counted("preview (no changes)", () => engine.preview(estateProgram(projectDir, sizes, 0), options));
    await counted("up (no changes)", () => engine.up(estateProgram(projectDir, sizes, 0), options));
    await counted("preview (changes)", () => engine.preview(estateProgram(projectDir, sizes, 1), options));
    await counted("up (update changed)", () => engine.up(estateProgram(projectDir, sizes, 1), options));
    await counted("refresh", () => engine.refresh(options));
    await counted("destroy", () => engine.destroy(options));
  } finally {
    await emulator.close();
  }
  const op = (name) => operations[name];
  const perRpc = (requests, name, rpc) => requests / op(name).providerRpcs[rpc];
  return {
    resources: { inboundTrunks: count, dispatchRules: count, outboundTrunks: outbound, total: 2 * count + outbound },
    operations,
    perResource: {
      // Writes: a check may read (the pre-check's listing, below), never write.
      check: perRpc(op("preview (all new)").mutating, "preview (all new)", "check"),
      diff: perRpc(op("up (no changes)").requests, "up (no changes)", "diff"),
      create: perRpc(op("up (create all)").mutating, "up (create all)", "create"),
      update: perRpc(op("up (update changed)").mutating, "up (update changed)", "update"),
      read: perRpc(op("refresh").requests, "refresh", "read"),
      delete: perRpc(op("destroy").requests, "destroy", "delete"),
    },
    // The deliberate conflict pre-check: one listing per conflict-checked kind and operation that
    // creates something or changes trunks, numbers or pins, previews included (a rule on a trunk
    // the same preview creates has no trunk ID yet, so is not compared: one listing there).
    preCheckLists: {
      previewCreate: op("preview (all new)").reads,
      previewUpdate: op("preview (changes)").reads,
      create: op("up (create all)").reads,
      update: op("up (update changed)").reads,
    },
    // A preview or up with nothing to change: check and diff only, no request at all.
    requestsWithoutChanges: ["preview (no changes)", "up (no changes)"].reduce((n, name) => n + op(name).requests, 0),
    writesInPreviews: ["preview (all new)", "preview (no changes)", "preview (changes)"].reduce((n, name) => n + op(name).mutating, 0),
    stateAfterCreate,
  };
}

module.exports = { run };
