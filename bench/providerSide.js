"use strict";
/**
 * The package's side: the same estate through Pulumi's real dynamic-provider host, driven over
 * gRPC with the engine's step sequence (check → create; check → diff → update; delete). Each phase
 * gets a fresh host, as each `pulumi up`/`destroy` starts one, so every phase pays its own
 * conflict pre-check listing; starting the host is timed apart (see `fixedCosts`).
 */
const { fromTest } = require("./tsLoader");
const { cpuMs } = require("./cpu");
const { runPool, time } = require("./measure");
const { ruleArgs, trunkArgs } = require("./workload");

const { startProviderHost } = fromTest("harness/providerHost.ts");

const urn = (type, name) => `urn:pulumi:bench::bench::pulumi-nodejs:dynamic/livekit:${type}::${name}`;

function providerSide(emulator, { count, concurrency, projectDir, texts }) {
  const config = { "livekit:url": emulator.url, "livekit:apiKey": emulator.apiKey, "livekit:apiSecret": emulator.apiSecret };
  // What the engine keeps per resource between operations.
  const state = { InboundTrunk: [], DispatchRule: [] };
  const rpcLatencies = { check: [], diff: [], create: [], update: [], delete: [] };
  const fixedCosts = { hostStartMs: [], firstCallMs: [] };
  // Peak RSS (VmHWM) of each host: once started and configured, once our package is loaded, and at the end.
  const rss = { started: [], loaded: [], peak: [] };
  let host;

  /** One provider RPC, timed on its own as well as within the resource's step sequence. */
  const rpc = async (op, ...args) => {
    const { ms, result } = await time(() => host[op](...args));
    rpcLatencies[op].push(ms);
    return result;
  };
  const inputs = (type, name, args) => ({ ...args, __resourceName: name, __provider: texts[type] });

  async function register(type, i, args) {
    const name = `${type === "InboundTrunk" ? "trunk" : "rule"}-${i}`;
    const old = state[type][i];
    const checked = await rpc("check", urn(type, name), old?.inputs ?? {}, inputs(type, name, args));
    if (checked.failures.length > 0) throw new Error(`${name}: ${JSON.stringify(checked.failures)}`);
    if (!old) {
      const { id, outs } = await rpc("create", urn(type, name), checked.inputs);
      state[type][i] = { name, id, inputs: checked.inputs, outputs: outs };
      return;
    }
    const diff = await rpc("diff", urn(type, name), old.id, old.outputs, checked.inputs, old.inputs);
    if (diff.changes !== "some" || diff.replaces.length > 0) throw new Error(`${name}: expected an in-place update, got ${JSON.stringify(diff)}`);
    const { outs } = await rpc("update", urn(type, name), old.id, old.outputs, checked.inputs, old.inputs);
    state[type][i] = { ...old, inputs: checked.inputs, outputs: outs };
  }

  async function remove(type, i) {
    const { name, id, inputs: oldInputs, outputs } = state[type][i];
    await rpc("delete", urn(type, name), id, outputs, oldInputs);
    state[type][i] = undefined;
  }

  /** Runs one phase in a host of its own, like one Pulumi operation. */
  async function inHost(body) {
    const started = await time(async () => {
      host = await startProviderHost({ cwd: projectDir, project: "bench" });
      await host.configure(config, ["livekit:apiSecret"]);
    });
    fixedCosts.hostStartMs.push(started.ms);
    rss.started.push(host.peakRssBytes() ?? 0);
    // The first call loads the package into the host; it makes no LiveKit request.
    const first = await time(() => host.check(urn("InboundTrunk", "warm-up"), {}, inputs("InboundTrunk", "warm-up", trunkArgs(0, 0))));
    fixedCosts.firstCallMs.push(first.ms);
    rss.loaded.push(host.peakRssBytes() ?? 0);
    try {
      const cpuBefore = cpuMs(host.pid);
      const timed = await body();
      return { ...timed, hostCpuMs: cpuMs(host.pid) - cpuBefore };
    } finally {
      // close() reads the host's VmHWM just before stopping it.
      await host.close();
      rss.peak.push(host.peakRssBytes() ?? 0);
    }
  }

  const phase = (step) => async () => {
    // Dependents after what they depend on when creating or updating, before it when deleting.
    const order = step === remove ? ["DispatchRule", "InboundTrunk"] : ["InboundTrunk", "DispatchRule"];
    const timed = {};
    for (const type of order) {
      timed[type === "InboundTrunk" ? "trunks" : "rules"] = await runPool(count, concurrency, (i) => step(type, i));
    }
    return timed;
  };
  const argsAt = (revision) => (type, i) =>
    register(type, i, type === "InboundTrunk" ? trunkArgs(i, revision) : ruleArgs(i, state.InboundTrunk[i].id, revision));

  return {
    name: "provider",
    warmUp: async () => undefined,
    create: () => inHost(phase(argsAt(0))),
    update: () => inHost(phase(argsAt(1))),
    delete: () => inHost(phase(remove)),
    rpcLatencies,
    fixedCosts,
    rss,
    close: async () => host?.close(),
  };
}

module.exports = { providerSide };
