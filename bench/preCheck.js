"use strict";
/**
 * The provider's conflict pre-check, in this process: `assertNoLiveConflicts` against `existing`
 * objects already listed and indexed (as KnownObjects holds them after the one list per kind).
 * LiveKit is not involved; this is the CPU a create or update spends comparing with what exists.
 */
const { definitionOf } = require("../dist/resources");
const { KnownObjects } = require("../dist/provider/knownObjects");
const { assertNoLiveConflicts } = require("../dist/provider/liveConflicts");
const { median } = require("./measure");
const { ruleArgs, trunkArgs } = require("./workload");

const kinds = {
  InboundTrunk: { args: (i) => trunkArgs(i, 0), id: (i) => `ST_${i}` },
  DispatchRule: { args: (i) => ruleArgs(i, `ST_${i}`, 0), id: (i) => `SDR_${i}` },
};

/** Median milliseconds of one pre-check of a new, non-conflicting object with `existing` objects known. */
async function preCheckMs(type, existing, samples = 5) {
  const definition = definitionOf(type);
  const kind = kinds[type];
  const wires = Array.from({ length: existing }, (_, i) => ({ ...definition.schema.toWire(kind.args(i)), [definition.idField]: kind.id(i) }));
  const api = { call: async () => ({ items: wires }) };
  const known = new KnownObjects();
  // The first check lists and indexes what exists, once per deployment; it is not timed.
  await assertNoLiveConflicts(definition, api, known, kind.args(existing + samples));
  const times = [];
  for (let s = 0; s < samples; s++) {
    const t = performance.now();
    await assertNoLiveConflicts(definition, api, known, kind.args(existing + s));
    times.push(performance.now() - t);
  }
  return median(times);
}

module.exports = { preCheckMs };
