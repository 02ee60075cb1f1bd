import fc from "fast-check";
import { findDispatchRuleConflict } from "../../src/livekit/dispatchRuleConflicts";
import { findInboundTrunkConflict } from "../../src/livekit/inboundTrunkConflicts";
import { GoError } from "../../src/livekit/twirp";
import type { DispatchRuleLike, InboundTrunkLike } from "../../src/livekit/types";
import { createWalk, updateWalk } from "../../src/livekit/walkOrder";

/** The conflict walks on plain camelCase objects, as preview-time checks will call them. */

describe("findInboundTrunkConflict", () => {
  it("reports the walked trunk first and the slot holder second", () => {
    const walk: InboundTrunkLike[] = [{ sipTrunkId: "ST_a", numbers: ["+1"] }, { numbers: ["1"] }];
    const conflict = findInboundTrunkConflict(walk);
    expect(conflict?.trunk).toBe(walk[1]);
    expect(conflict?.existing).toBe(walk[0]);
    expect(conflict?.reason).toBe("calledNumber");
    expect(conflict?.error.message).toBe('Conflicting inbound SIP Trunks: "<new>" and "ST_a", using the same number(s) ["1"] without AllowedNumbers set');
    expect(conflict?.error.code).toBe("invalid_argument");
  });

  it("reports caller-number conflicts with the raw allowed number", () => {
    const conflict = findInboundTrunkConflict([
      { sipTrunkId: "ST_a", numbers: ["+1"], allowedNumbers: ["+9"] },
      { sipTrunkId: "ST_b", numbers: ["+1"], allowedNumbers: ["(9)"] },
    ]);
    expect(conflict?.reason).toBe("callingNumber");
    expect(conflict?.error.message).toBe('Conflicting inbound SIP Trunks: "ST_b" and "ST_a", using the same number(s) ["+1"] and AllowedNumber "(9)"');
  });

  it("never conflicts a trunk with itself, even listed twice in the walk", () => {
    const trunk = { sipTrunkId: "ST_a", numbers: ["+1", "1"], allowedNumbers: ["+9", "9"] };
    expect(findInboundTrunkConflict([trunk, { ...trunk }])).toBeUndefined();
  });

  it("finds a conflict in any order whenever two trunks share a called and a caller key", () => {
    const trunk = fc.record({
      numbers: fc.subarray(["+1", "+2", ""]),
      allowedNumbers: fc.subarray(["+8", "+9"]),
    });
    fc.assert(
      fc.property(trunk, trunk, (a, b) => {
        const keys = (t: typeof a) => ({
          called: t.numbers.length === 0 ? [""] : t.numbers,
          calling: t.allowedNumbers.length === 0 ? [""] : t.allowedNumbers,
        });
        const [ka, kb] = [keys(a), keys(b)];
        const overlap = ka.called.some((n) => kb.called.includes(n)) && ka.calling.some((n) => kb.calling.includes(n));
        const trunks = [
          { sipTrunkId: "ST_a", ...a },
          { sipTrunkId: "ST_b", ...b },
        ];
        expect(findInboundTrunkConflict(trunks) !== undefined).toBe(overlap);
        expect(findInboundTrunkConflict([...trunks].reverse()) !== undefined).toBe(overlap);
      }),
    );
  });
});

describe("findDispatchRuleConflict", () => {
  const direct = (pin = ""): DispatchRuleLike["rule"] => ({ dispatchRuleDirect: { roomName: "r", pin } });

  it("reads the JSON oneof form and the protobuf-es form alike", () => {
    const json: DispatchRuleLike = { sipDispatchRuleId: "SDR_a", name: "a", trunkIds: ["ST_1"], rule: direct("1") };
    const es: DispatchRuleLike = { trunkIds: ["ST_1"], rule: { rule: { case: "dispatchRuleCallee", value: { roomPrefix: "p", pin: "1" } } } };
    const problem = findDispatchRuleConflict([json, es]);
    expect(problem?.kind).toBe("conflict");
    expect(problem?.error.message).toBe(
      'Dispatch rule for the same trunk, inbound number, number, and PIN combination already exists in dispatch rule "SDR_a" "a"',
    );
  });

  it("reports a rule without a rule kind as LiveKit's psrpc error", () => {
    const problem = findDispatchRuleConflict([{ rule: {} }]);
    expect(problem?.kind).toBe("unsupportedRule");
    expect(problem?.error).toBeInstanceOf(GoError);
    expect(problem?.error.message).toBe("unsupported SIP Dispatch Rule: <nil>");
  });

  it("keys on pin, trunk, caller and callee numbers", () => {
    const base: DispatchRuleLike = { trunkIds: ["ST_1"], inboundNumbers: ["+1"], numbers: ["+2"], rule: direct("7") };
    expect(findDispatchRuleConflict([base, { ...base, rule: direct("8") }])).toBeUndefined();
    expect(findDispatchRuleConflict([base, { ...base, trunkIds: ["ST_2"] }])).toBeUndefined();
    expect(findDispatchRuleConflict([base, { ...base, inboundNumbers: [] }])).toBeUndefined();
    expect(findDispatchRuleConflict([base, { ...base, numbers: ["2"], inboundNumbers: ["1", "+3"] }])?.kind).toBe("conflict");
  });
});

describe("walk order", () => {
  it("puts a created resource second (iters.MultiIter alternation)", () => {
    expect(createWalk([], "N")).toEqual(["N"]);
    expect(createWalk(["S1", "S2", "S3"], "N")).toEqual(["S1", "N", "S2", "S3"]);
  });

  it("swaps the updated resource in, and leaves it out only in OSS mode when it is not a candidate", () => {
    const stored = ["a", "b", "c"];
    const same = (s: string) => s === "b";
    const candidate = (s: string) => s !== "b";
    expect(updateWalk(stored, "B", same, candidate, false)).toEqual(["a", "B", "c"]);
    expect(updateWalk(stored, "B", same, candidate, true)).toEqual(["a", "c"]);
    expect(updateWalk(stored, "B", same, () => true, true)).toEqual(["a", "B", "c"]);
  });
});
