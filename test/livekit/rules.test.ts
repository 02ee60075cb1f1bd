import { SIPDispatchRuleInfo, SIPDispatchRuleUpdate, SIPInboundTrunkInfo, SIPInboundTrunkUpdate, SIPMediaEncryption } from "@livekit/protocol";
import { applyDispatchRuleUpdate, applyInboundTrunkUpdate } from "../../src/livekit/fieldUpdates";
import { headerNameError, headerValueError } from "../../src/livekit/headers";
import { afterId, dispatchRuleMatches, inboundTrunkMatches, outboundTrunkMatches, sortById } from "../../src/livekit/listFilters";
import { applyListUpdate, applyMapDiff, validateListUpdate } from "../../src/livekit/listUpdate";
import { durationNanos, validateMediaConfig } from "../../src/livekit/media";
import { validateCreateParticipant, validateDestination } from "../../src/livekit/participantValidation";
import { validateInboundTrunk, validateOutboundTrunk } from "../../src/livekit/trunkValidation";
import { GoError, toTwirpError, TWIRP_HTTP_STATUS, TwirpError } from "../../src/livekit/twirp";

/** LiveKit's rules on plain objects, outside any server. */

describe("Twirp errors", () => {
  it("maps codes to twirp's HTTP statuses, resource_exhausted included", () => {
    expect(TWIRP_HTTP_STATUS).toMatchObject({ invalid_argument: 400, not_found: 404, bad_route: 404, unauthenticated: 401, resource_exhausted: 403, unavailable: 503 });
  });

  it("passes Twirp errors, turns plain errors into unknown and prefixes psrpc errors", () => {
    const twirp = new TwirpError("not_found", "x");
    expect(toTwirpError(twirp)).toBe(twirp);
    expect(toTwirpError(GoError.plain("boom")).toJSON()).toEqual({ code: "unknown", msg: "boom" });
    expect(toTwirpError(GoError.psrpc("failed_precondition", "no")).toJSON()).toEqual({ code: "failed_precondition", msg: "twirp error unknown: no" });
    expect(new TwirpError("bad_route", "m", { z: "1", a: "2" }).toJSON()).toEqual({ code: "bad_route", msg: "m", meta: { a: "2", z: "1" } });
  });
});

describe("field validators", () => {
  it("checks header names and values", () => {
    expect(headerNameError("X-Custom_1.a!%*+`'~", true)).toBeUndefined();
    expect(headerNameError("FROM", true)).toBe("header name FROM not supported");
    expect(headerNameError("FROM", false)).toBeUndefined();
    expect(headerValueError("X", "")).toBeUndefined();
    expect(headerValueError("X", "é ok\t")).toBeUndefined();
    expect(headerValueError("X", "\u007f")).toBe("header X: value: char 127 not allowed");
  });

  it("reads durations in both shapes", () => {
    expect(durationNanos("1.5s")).toBe(1_500_000_000n);
    expect(durationNanos("-0.000000001s")).toBe(-1n);
    expect(durationNanos({ seconds: 2n, nanos: 3 })).toBe(2_000_000_003n);
    expect(validateMediaConfig({ mediaTimeout: "600.000000001s" })?.message).toBe("media_timeout must not exceed 10m0s");
  });

  it("validates trunks given as plain JSON objects", () => {
    expect(validateInboundTrunk({ authPassword: "p" })).toBeUndefined();
    expect(validateInboundTrunk({})?.psrpcCode).toBe("invalid_argument");
    expect(validateOutboundTrunk({ numbers: ["+1"], address: "a", headers: { Via: "x" } })).toBeUndefined();
    expect(validateOutboundTrunk({ numbers: ["+1"], address: "a", headers: { "Content-Type": "x" } })?.message).toBe(
      "invalid header name: header name Content-Type not supported",
    );
  });

  it("validates destinations like x/text ParseRegion + IsCountry", () => {
    expect(validateDestination({ country: "XK" })).toBeUndefined();
    expect(validateDestination({ region: "Bavaria", city: "Munich" })).toBeUndefined();
    expect(validateDestination({ country: "ZZ" })?.message).toMatch(/^country must be/);
    expect(validateCreateParticipant({ sipTrunkId: "ST_x", sipCallTo: "+1", roomName: "r", displayName: "" })).toBeUndefined();
  });
});

describe("ListUpdate and map diff", () => {
  it.each([
    [{ clear: true }, ["a", "b"], []],
    [{ set: ["x", "x"] }, ["a"], ["x", "x"]],
    [{ remove: ["a"] }, ["a", "b", "a"], ["b", "a"]],
    [{ add: ["a", "c", "c"] }, ["a"], ["a", "c"]],
    [{ remove: ["a"], add: ["a"] }, ["a", "b"], ["b", "a"]],
  ])("%j applied to %j gives %j", (update, list, expected) => {
    expect(validateListUpdate(update)).toBeUndefined();
    expect(applyListUpdate(list, update)).toEqual(expected);
  });

  it("deletes keys set to the empty string", () => {
    expect(applyMapDiff({ a: "1", b: "2" }, { a: "", c: "3" })).toEqual({ b: "2", c: "3" });
  });
});

describe("field updates on messages", () => {
  it("re-validates the result and reports LiveKit's psrpc error", () => {
    const stored = new SIPInboundTrunkInfo({ sipTrunkId: "ST_a", numbers: ["+1"] });
    const result = applyInboundTrunkUpdate(stored, new SIPInboundTrunkUpdate({ numbers: { remove: ["+1"] } }));
    expect(result).toBeInstanceOf(GoError);
    expect(stored.numbers).toEqual(["+1"]);
  });

  it("upgrades media and never mutates the stored message", () => {
    const stored = new SIPDispatchRuleInfo({ sipDispatchRuleId: "SDR_a", rule: { rule: { case: "dispatchRuleDirect", value: { roomName: "r" } } } });
    const result = applyDispatchRuleUpdate(stored, new SIPDispatchRuleUpdate({ mediaEncryption: SIPMediaEncryption.SIP_MEDIA_ENCRYPT_REQUIRE }));
    expect(result).toBeInstanceOf(SIPDispatchRuleInfo);
    expect((result as SIPDispatchRuleInfo).media?.encryption).toBe(SIPMediaEncryption.SIP_MEDIA_ENCRYPT_REQUIRE);
    expect(stored.media).toBeUndefined();
  });
});

describe("list filters", () => {
  it("keeps wildcards and compares inbound numbers normalised, outbound numbers exactly", () => {
    expect(inboundTrunkMatches({ numbers: ["1555"] }, { numbers: ["+1555"] })).toBe(true);
    expect(outboundTrunkMatches({ numbers: ["1555"] }, { numbers: ["+1555"] })).toBe(false);
    expect(outboundTrunkMatches({ numbers: ["1555"] }, { numbers: [] })).toBe(true);
    expect(dispatchRuleMatches({ trunkIds: ["ST_x"] }, { trunkIds: [] })).toBe(true);
    expect(dispatchRuleMatches({ dispatchRuleIds: ["SDR_a"] }, { sipDispatchRuleId: "SDR_b" })).toBe(false);
  });

  it("sorts by ID bytes and pages after an ID", () => {
    const sorted = sortById(["b", "B", "a"], (s) => s);
    expect(sorted).toEqual(["B", "a", "b"]);
    expect(afterId(sorted, "B", (s) => s)).toEqual(["a", "b"]);
    expect(afterId(sorted, "", (s) => s)).toEqual(sorted);
  });
});
