"use strict";
/**
 * A Pulumi program for the MiniEngine: `count` inbound trunks, as many dispatch rules (each on its
 * trunk, by output) and a few outbound trunks, declared with the package as installed in the
 * fixture project, so `__provider` in state is what users get. `revision` changes every rule and
 * every other trunk.
 */
const { ruleArgs, trunkArgs } = require("./workload");

function estateProgram(projectDir, { count, outbound }, revision) {
  return () => {
    const lk = require(`${projectDir}/node_modules/pulumi-livekit-sip`);
    for (let i = 0; i < count; i++) {
      const trunk = new lk.InboundTrunk(`trunk-${i}`, trunkArgs(i, i % 2 ? revision : 0));
      new lk.DispatchRule(`rule-${i}`, ruleArgs(i, trunk.sipTrunkId, revision));
    }
    for (let i = 0; i < outbound; i++) {
      new lk.OutboundTrunk(`outbound-${i}`, { name: `outbound ${i}`, address: `sip${i}.example.com`, numbers: [`+1415${3000000 + i}`], transport: revision ? "tls" : "udp" });
    }
  };
}

module.exports = { estateProgram };
