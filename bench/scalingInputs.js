"use strict";
/**
 * Inputs for the scaling steps, generated rather than stored: an estate of n inbound trunks (one
 * number each) and n pinned rules, one per trunk (the shape of test/support/loadSpec.ts), in the
 * forms each piece of code takes. `keys` > 1 gives every rule more conflict keys: a rule claims
 * one per (trunk × caller × called number), so 2 trunks, 2 callers and 2 called numbers is 8.
 */
const { refFor } = require("../dist/tools/offline/resourceRefs");
const { number } = require("./workload");

const trunk = (i) => ({ name: `inbound ${i}`, numbers: [number(i)], allowedAddresses: [`10.0.${i % 250}.0/24`] });
const pin = (i) => String(1000 + (i % 9000));
const rule = (i) => ({ name: `rule ${i}`, rule: { type: "direct", roomName: `room-${i}`, pin: pin(i) }, roomConfig: { agents: [{ agentName: "agent" }] } });

/** A TelephonySpec, as validateSpec and TelephonyStack take it. */
function spec(n) {
  const result = { inboundTrunks: {}, dispatchRules: {} };
  for (let i = 0; i < n; i++) {
    result.inboundTrunks[`in${i}`] = trunk(i);
    result.dispatchRules[`rule${i}`] = { ...rule(i), trunks: [`in${i}`] };
  }
  return result;
}

/** Resource arguments, as each resource's own validation takes them. */
function resourceArgs(n) {
  return Array.from({ length: n }, (_, i) => [
    ["InboundTrunk", trunk(i)],
    ["DispatchRule", { ...rule(i), trunkIds: [`ST_${i}`] }],
  ]).flat();
}

/** What the stack-wide conflict checks take. */
const trunkShapes = (n) => Array.from({ length: n }, (_, i) => ({ name: `in${i}`, numbers: [number(i)] }));

function ruleShapes(n, keys = 1) {
  const wide = keys > 1;
  return Array.from({ length: n }, (_, i) => ({
    name: `rule${i}`,
    trunks: wide ? [`in${i}`, `in${i + n}`] : [`in${i}`],
    pin: pin(i),
    ...(wide ? { inboundNumbers: [number(4 * n + i), number(5 * n + i)], numbers: [number(i), number(n + i)] } : {}),
  }));
}

/** Declared resources as the review tools get them from a program evaluated offline. */
function desiredResources(n) {
  const trunks = Array.from({ length: n }, (_, i) => ({ type: "InboundTrunk", name: `in${i}`, args: trunk(i) }));
  const rules = Array.from({ length: n }, (_, i) => ({ type: "DispatchRule", name: `rule${i}`, args: { ...rule(i), trunkIds: [refFor("InboundTrunk", `in${i}`)] } }));
  return [...trunks, ...rules];
}

module.exports = { spec, resourceArgs, trunkShapes, ruleShapes, desiredResources };
