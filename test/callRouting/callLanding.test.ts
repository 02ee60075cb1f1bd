import fc from "fast-check";
import { bothRevisions, calledNumbers, OTHER_NUMBER, representativeCallers } from "../../src/callRouting/simulate/callScenarios";
import { normalizeNumber } from "../../src/livekit/numbers";
import { landingAt, numberScope, type NumberScope } from "../../src/callRouting/simulate/callLanding";
import { landingOf, NO_PROMPT, type Landing } from "../../src/callRouting/simulate/landing";
import { indexRouting } from "../../src/callRouting/match/routingIndex";
import { simulateCall } from "../../src/callRouting/simulate/simulate";
import type { RoutingConfig, RoutingRule, RoutingTrunk } from "../../src/callRouting/types";
import { callee, direct, individual } from "./builders";

/**
 * The diff reads landings from indexes and simulates, per number, only the callers and pins its
 * trunks and rules name. Both shortcuts are checked here against the simulator itself, on random
 * small estates where spellings, filters, pins, conflicts and LiveKit numbers collide often.
 */

const numbers = ["+14155550100", "14155550100", "+14155550101", "+442071838750"];
const callerPool = ["+12125550123", "12125550123", "+12125550124"];
const pins = ["", "1234", "99", "12345678901234567"];
const trunkIds = ["ST_a", "ST_b", "ST_c"];

const some = <T>(pool: readonly T[], maxLength = 2) => fc.uniqueArray(fc.constantFrom(...pool), { maxLength });

const trunkArb: fc.Arbitrary<RoutingTrunk> = fc.record({
  sipTrunkId: fc.constantFrom(...trunkIds, ""),
  numbers: some(numbers),
  allowedNumbers: some(callerPool, 1),
});

const variantArb = fc.tuple(fc.constantFrom(direct, individual, callee), fc.constantFrom("room-a", "room-b"), fc.constantFrom(...pins)).map(([make, room, pin]) => make(room, pin));

const ruleArb: fc.Arbitrary<RoutingRule> = fc.record({
  sipDispatchRuleId: fc.constantFrom("SDR_1", "SDR_2", "SDR_3", "SDR_4", "SDR_5"),
  name: fc.constantFrom("one", "two", "three"),
  rule: variantArb,
  trunkIds: some(trunkIds),
  inboundNumbers: some(callerPool, 1),
  numbers: some(numbers, 1),
});

const configArb: fc.Arbitrary<RoutingConfig> = fc.record({
  trunks: fc.array(trunkArb, { maxLength: 3 }),
  rules: fc.array(ruleArb, { maxLength: 5 }),
  livekitNumbers: fc.array(
    fc.record({ id: fc.constant("PN_1"), e164Format: fc.constantFrom(...numbers), sipDispatchRuleIds: some(["SDR_1", "SDR_2"]) }),
    { maxLength: 1 },
  ),
});

/** As the diff picks the callers it simulates for a number. */
const inScope = (scope: NumberScope, caller: string) => scope.callers.has(normalizeNumber(caller));

const entries = [undefined, { pin: "", noPin: true }, ...pins.filter((p) => p !== "").map((pin) => ({ pin, noPin: false })), { pin: "5555", noPin: false }];

const simulated = (config: RoutingConfig, calledNumber: string, callerNumber: string, entry?: { pin: string; noPin: boolean }): Landing =>
  landingOf(simulateCall(config, { calledNumber, callerNumber, ...(entry ?? {}) }));

describe("landings read from the indexes", () => {
  it("are what the simulator says, for every number, caller and pin entry", () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const index = indexRouting(config);
        for (const calledNumber of [...calledNumbers(config), OTHER_NUMBER]) {
          for (const callerNumber of [...representativeCallers(config), "+19995550000"]) {
            for (const entry of entries) {
              expect([calledNumber, callerNumber, entry, landingAt(index, calledNumber, callerNumber, entry)]).toEqual([
                calledNumber,
                callerNumber,
                entry,
                simulated(config, calledNumber, callerNumber, entry),
              ]);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("what a number's scope leaves out", () => {
  /** Landings at the dial step and, when it prompts, after each entry: what a diff compares. */
  const steps = (config: RoutingConfig, calledNumber: string, callerNumber: string) => {
    const dial = simulated(config, calledNumber, callerNumber);
    return entries.map((entry) => (entry === undefined ? dial : dial.kind === "pin" ? simulated(config, calledNumber, callerNumber, entry) : NO_PROMPT));
  };

  it("routes every caller outside the scope as the generic caller, in both revisions", () => {
    fc.assert(
      fc.property(configArb, configArb, (before, after) => {
        const both = bothRevisions(before, after);
        const indexes = [indexRouting(before), indexRouting(after)];
        const [generic, ...named] = representativeCallers(both);
        for (const calledNumber of [...calledNumbers(both), OTHER_NUMBER]) {
          const scope = numberScope(indexes, calledNumber);
          for (const caller of [...named, "+19995550000"].filter((c) => !inScope(scope, c))) {
            for (const config of [before, after]) expect(steps(config, calledNumber, caller)).toEqual(steps(config, calledNumber, generic));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("refuses every pin outside the scope wherever a prompt happens", () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const scope = numberScope([indexRouting(config)], "+14155550100");
        for (const pin of pins.filter((p) => p !== "" && !scope.pinOwners[0].has(p))) {
          for (const caller of representativeCallers(config)) {
            const landing = simulated(config, "+14155550100", caller, { pin, noPin: false });
            if (simulated(config, "+14155550100", caller).kind === "pin") expect([pin, landing.kind]).toEqual([pin, "rejected"]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
