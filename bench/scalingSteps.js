"use strict";
/**
 * The steps the scaling section measures, each as `input(n)` (built before timing) and
 * `run(input)` (timed), or `run(n)` answering `{ ms, detail }` for steps that time themselves.
 * `items` says what n counts; `warmUp` caps the warm-up size for steps too slow to warm up fully.
 * They load the built package (dist/).
 */
const inputs = require("./scalingInputs");
const { preCheckMs } = require("./preCheck");

/** Times each stage of a pipeline; the last stage's value is passed on to the next. */
function stages(list) {
  const stagesMs = {};
  let value;
  for (const [name, fn] of list) {
    const t = performance.now();
    value = fn(value);
    stagesMs[name] = performance.now() - t;
  }
  return { ms: Object.values(stagesMs).reduce((a, b) => a + b, 0), detail: stagesMs };
}

function ruleConflictsStep(keys, about) {
  return {
    items: `rules (${keys} key${keys > 1 ? "s" : ""} each)`,
    about: `stack-wide rule conflicts, ${about}`,
    input: (n) => inputs.ruleShapes(n, keys),
    run: (shapes) => require("../dist/livekit/conflictClaims").ruleConflicts(shapes).length,
  };
}

function preCheckStep(type, plural, noun) {
  return {
    items: `existing ${plural}`,
    about: `the provider's pre-check of one new ${noun} against n already listed (per create/update)`,
    timesItself: true,
    run: async (n) => ({ ms: await preCheckMs(type, n, n >= 100000 ? 3 : 5) }),
  };
}

const steps = {
  validateSpec: {
    items: "trunks + rules",
    about: "validateSpec: every entry's schema, trunk references, stack-wide conflicts",
    input: (n) => inputs.spec(n),
    run: (spec) => require("../dist").validateSpec(spec).length,
  },
  entryValidation: {
    items: "trunks + rules",
    about: "each resource's own validation (schema, numbers, addresses), as check and validateSpec run it",
    input: (n) => inputs.resourceArgs(n),
    run(entries) {
      const { validate } = require("../dist/resources/validate");
      const { definitionOf } = require("../dist/resources");
      return entries.reduce((failures, [type, args]) => failures + validate(definitionOf(type), args).length, 0);
    },
  },
  trunkConflicts: {
    items: "trunks",
    about: "stack-wide trunk conflicts (same number on two trunks)",
    input: (n) => inputs.trunkShapes(n),
    run: (shapes) => require("../dist/livekit/conflictClaims").trunkConflicts(shapes).length,
  },
  ruleConflicts: ruleConflictsStep(1, "one (pin, trunk, caller, number) key per rule"),
  ruleConflicts8Keys: ruleConflictsStep(8, "2 trunks × 2 callers × 2 numbers = 8 keys per rule"),
  preCheckTrunk: preCheckStep("InboundTrunk", "trunks", "inbound trunk"),
  preCheckRule: preCheckStep("DispatchRule", "rules", "dispatch rule"),
  programEvaluation: {
    items: "trunks + rules",
    warmUp: 5,
    about: "a TelephonyStack of n trunks and n rules evaluated under Pulumi's mocks: the program side of preview/up, and what plan, diff and drift load",
    input: (n) => inputs.spec(n),
    run: async (spec) => {
      const { evaluateProgram } = require("../dist/tools/offline/evaluateProgram");
      const { specProgram } = require("../dist/tools/offline/specSource");
      return (await evaluateProgram(specProgram(spec), { project: "bench", stack: "offline", timeoutMs: 600_000 })).length;
    },
  },
  planRendering: {
    items: "numbers (a trunk and a rule each)",
    warmUp: 50,
    about: "plan for review: declared resources to LiveKit JSON (review adapter), the routing plan, markdown and text",
    timesItself: true,
    run: (n) => {
      const review = require("../dist/routing");
      const resources = inputs.desiredResources(n);
      return stages([
        ["routingConfig", () => review.routingConfigOf(resources)],
        ["buildRoutingPlan", (config) => review.buildRoutingPlan(config)],
        ["renderMarkdown", (plan) => (review.renderPlanMarkdown(plan), plan)],
        ["renderText", (plan) => review.renderPlanText(plan)],
      ]);
    },
  },
};

module.exports = { steps };
