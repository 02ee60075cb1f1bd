"use strict";
/**
 * The estate both sides of the overhead comparison manage: inbound trunks with one number each and
 * one pinned rule per trunk (the shape of test/support/loadSpec.ts). Revision 1 changes every
 * trunk and every rule, so the update phase updates all of them. Both sides send these same
 * fields; only the client differs.
 */
const number = (i) => `+1415${2000000 + i}`;

function trunkArgs(i, revision) {
  return {
    name: `bench trunk ${i}${revision ? ` r${revision}` : ""}`,
    numbers: [number(i)],
    allowedAddresses: [`10.0.${i % 250}.0/24`],
    krispEnabled: revision > 0,
  };
}

function ruleArgs(i, trunkId, revision) {
  return {
    name: `bench rule ${i} r${revision}`,
    trunkIds: [trunkId],
    rule: { type: "direct", roomName: `room-${i}`, pin: String(1000 + i + revision) },
    roomConfig: { agents: [{ agentName: `agent-${revision}` }] },
  };
}

module.exports = { number, trunkArgs, ruleArgs };
