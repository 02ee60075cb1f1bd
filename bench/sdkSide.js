"use strict";
/**
 * The baseline: the same estate managed with plain livekit-server-sdk calls, one request per
 * object and phase. `createSipDispatchRule` sends LiveKit's legacy request form (the provider sends
 * the `dispatchRule` form); the fields and the work the server does are the same.
 */
const { RoomAgentDispatch, RoomConfiguration, SIPDispatchRule, SIPDispatchRuleDirect, SIPDispatchRuleInfo, SIPInboundTrunkInfo } = require("@livekit/protocol");
const { SipClient } = require("livekit-server-sdk");
const { runPool } = require("./measure");
const { ruleArgs, trunkArgs } = require("./workload");

const roomConfig = (args) => new RoomConfiguration({ agents: args.roomConfig.agents.map((a) => new RoomAgentDispatch(a)) });
const dispatchRule = (args) => new SIPDispatchRule({ rule: { case: "dispatchRuleDirect", value: new SIPDispatchRuleDirect(args.rule) } });

/** One SDK request per workload operation; each resolves to the object's ID where there is one. */
const sdkCalls = {
  async createTrunk(sip, i) {
    const a = trunkArgs(i, 0);
    return (await sip.createSipInboundTrunk(a.name, a.numbers, { allowedAddresses: a.allowedAddresses, krispEnabled: a.krispEnabled })).sipTrunkId;
  },
  async createRule(sip, i, trunkId) {
    const a = ruleArgs(i, trunkId, 0);
    const created = await sip.createSipDispatchRule(
      { type: "direct", roomName: a.rule.roomName, pin: a.rule.pin },
      { trunkIds: a.trunkIds, name: a.name, roomConfig: roomConfig(a) },
    );
    return created.sipDispatchRuleId;
  },
  updateTrunk: (sip, i, trunkId, revision) => sip.updateSipInboundTrunk(trunkId, new SIPInboundTrunkInfo(trunkArgs(i, revision))),
  updateRule(sip, i, ruleId, trunkId, revision) {
    const a = ruleArgs(i, trunkId, revision);
    return sip.updateSipDispatchRule(ruleId, new SIPDispatchRuleInfo({ name: a.name, trunkIds: a.trunkIds, rule: dispatchRule(a), roomConfig: roomConfig(a) }));
  },
};

/**
 * One side of the comparison: phases of `count` trunks and `count` rules, `concurrency` requests at
 * a time; `ids` carries the objects' IDs from one phase to the next (also across processes).
 */
function sdkSide(emulator, { count, concurrency, ids = { trunkIds: [], ruleIds: [] } }) {
  const sip = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
  const { trunkIds, ruleIds } = ids;
  return {
    name: "sdk",
    ids,
    // Module loading and the first connection are paid once per process, outside any phase.
    warmUp: () => sip.listSipInboundTrunk(),
    async create() {
      const trunks = await runPool(count, concurrency, async (i) => (trunkIds[i] = await sdkCalls.createTrunk(sip, i)));
      const rules = await runPool(count, concurrency, async (i) => (ruleIds[i] = await sdkCalls.createRule(sip, i, trunkIds[i])));
      return { trunks, rules };
    },
    async update() {
      const trunks = await runPool(count, concurrency, (i) => sdkCalls.updateTrunk(sip, i, trunkIds[i], 1));
      const rules = await runPool(count, concurrency, (i) => sdkCalls.updateRule(sip, i, ruleIds[i], trunkIds[i], 1));
      return { trunks, rules };
    },
    async delete() {
      // Rules first, as the engine deletes dependents first.
      const rules = await runPool(count, concurrency, (i) => sip.deleteSipDispatchRule(ruleIds[i]));
      const trunks = await runPool(count, concurrency, (i) => sip.deleteSipTrunk(trunkIds[i]));
      return { trunks, rules };
    },
    close: async () => undefined,
  };
}

module.exports = { sdkSide, sdkCalls };
