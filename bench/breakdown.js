"use strict";
/**
 * Where the provider's time goes, one resource at a time (no queueing, no contention). The same
 * creates go three ways against one emulator, each from an empty LiveKit: plain SDK requests; the
 * provider's own check and create called in this process (no gRPC); and check and create RPCs
 * through the real host. The differences split the overhead into parts that add up:
 * validation (in-process check), the gRPC hops (RPC minus in-process call, so property
 * (de)serialization and the host's dispatch included), and the provider's work around the LiveKit
 * request in create (in-process create minus SDK request), of which the conflict pre-check is
 * also measured on its own.
 */
const { SipClient } = require("livekit-server-sdk");
const { fromTest } = require("./tsLoader");
const { median, round, time } = require("./measure");
const { preCheckMs } = require("./preCheck");
const { sdkCalls } = require("./sdkSide");
const { spawnEmulator } = require("./spawnedEmulator");
const { ruleArgs, trunkArgs } = require("./workload");

const { startProviderHost } = fromTest("harness/providerHost.ts");
const urn = (type, name) => `urn:pulumi:bench::bench::pulumi-nodejs:dynamic/livekit:${type}::${name}`;

async function sequentialMedian(count, fn) {
  const times = [];
  for (let i = 0; i < count; i++) times.push((await time(() => fn(i))).ms);
  return median(times);
}

/** check then create for `count` trunks and as many rules, each step timed; `steps` does one step. */
async function checkAndCreate(count, steps) {
  const timings = { InboundTrunk: { check: [], create: [] }, DispatchRule: { check: [], create: [] } };
  const trunkIds = [];
  for (const type of ["InboundTrunk", "DispatchRule"]) {
    for (let i = 0; i < count; i++) {
      const args = type === "InboundTrunk" ? trunkArgs(i, 0) : ruleArgs(i, trunkIds[i], 0);
      const checked = await time(() => steps.check(type, `${type}-${i}`, args));
      const created = await time(() => steps.create(type, `${type}-${i}`, checked.result));
      timings[type].check.push(checked.ms);
      timings[type].create.push(created.ms);
      if (type === "InboundTrunk") trunkIds[i] = created.result;
    }
  }
  const medians = (t) => ({ check: median(t.check), create: median(t.create) });
  return { trunk: medians(timings.InboundTrunk), rule: medians(timings.DispatchRule) };
}

async function run({ count = 100, projectDir, texts }) {
  const emulator = await spawnEmulator();
  const config = { "livekit:url": emulator.url, "livekit:apiKey": emulator.apiKey, "livekit:apiSecret": emulator.apiSecret };
  const host = await startProviderHost({ cwd: projectDir, project: "bench" });
  try {
    await host.configure(config, ["livekit:apiSecret"]);
    const sip = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
    const inputs = (type, name, args) => ({ ...args, __resourceName: name, __provider: texts[type] });
    await host.check(urn("InboundTrunk", "warm-up"), {}, inputs("InboundTrunk", "warm-up", trunkArgs(0, 0)));
    await sip.listSipInboundTrunk();
    const grpcRoundTripMs = await sequentialMedian(count, () => host.getPluginInfo());

    const sdkTrunkIds = [];
    const sdk = {
      trunk: await sequentialMedian(count, async (i) => (sdkTrunkIds[i] = await sdkCalls.createTrunk(sip, i))),
      rule: await sequentialMedian(count, (i) => sdkCalls.createRule(sip, i, sdkTrunkIds[i])),
    };
    await emulator.clear();

    const lifecycle = require("../dist/provider/index");
    lifecycle.configure({ get: (key) => config[key] });
    const inProcess = await checkAndCreate(count, {
      check: async (type, name, args) => (await lifecycle.provider(type).check({}, { ...args, __resourceName: name })).inputs,
      create: async (type, _name, checked) => (await lifecycle.provider(type).create(checked)).id,
    });
    await emulator.clear();

    const viaHost = await checkAndCreate(count, {
      check: async (type, name, args) => (await host.check(urn(type, name), {}, inputs(type, name, args))).inputs,
      create: async (type, name, checked) => (await host.create(urn(type, name), checked)).id,
    });

    const row = async (kind, type) => {
      const h = viaHost[kind];
      const p = inProcess[kind];
      return {
        sdkRequestMs: round(sdk[kind], 3),
        checkRpcMs: round(h.check, 3),
        createRpcMs: round(h.create, 3),
        overheadMs: round(h.check + h.create - sdk[kind], 3),
        validationMs: round(p.check, 3),
        grpcHopsMs: round(h.check - p.check + (h.create - p.create), 3),
        createWorkMs: round(p.create - sdk[kind], 3),
        preCheckMs: round(await preCheckMs(type, Math.round(count / 2), 9), 3),
      };
    };
    return {
      sequentialCreates: count,
      grpcRoundTripMs: round(grpcRoundTripMs, 3),
      trunk: await row("trunk", "InboundTrunk"),
      rule: await row("rule", "DispatchRule"),
    };
  } finally {
    await host.close();
    await emulator.close();
  }
}

module.exports = { run };
