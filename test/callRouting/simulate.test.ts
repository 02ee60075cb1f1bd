import { createHash } from "node:crypto";
import { describeSimulation, simulateCall, type RoutingConfig, type SimulatedCall, type SimulationResult } from "../../src/callRouting";
import { agents, callee, direct, individual, rule, trunk } from "./builders";

/**
 * The simulator against LiveKit's routing: cases from protocol `sip/sip_test.go`
 * (TestSIPMatchTrunk, TestMatchTrunkDetailed, TestSIPMatchDispatchRule, TestEvaluateDispatchRule,
 * TestEvaluateDispatchRuleMediaConfig) and from the behaviours in research notes §4.
 */

// LiveKit's test numbers: the caller, the called number and an unrelated number.
const N1 = "1111 1111";
const N2 = "2222 2222";
const N3 = "3333 3333";
const CALL: SimulatedCall = { callerNumber: N1, calledNumber: N2, sourceIp: "1.1.1.1", callerHost: "sip.example.com" };

/** The LiveKit test trunk `aaa` answering N2, for the dispatch-rule cases. */
const AAA = trunk("aaa", { numbers: [N2] });

const hashedIdentity = (from: string) => `sip_${createHash("sha256").update(from).digest("hex").slice(0, 16)}`;

interface Case {
  readonly name: string;
  readonly config: Partial<RoutingConfig>;
  readonly call?: Partial<SimulatedCall>;
  readonly randomSuffix?: string;
  readonly expected: (result: SimulationResult) => void;
}

const matchedTrunk = (id: string | undefined) => (r: SimulationResult) => expect(r.trunk.matched?.id).toBe(id);
const failsWith = (message: string) => (r: SimulationResult) => {
  expect(r.outcome).toBe("error");
  expect(r.error?.message).toBe(message);
};
const landsIn = (roomName: string, ruleId?: string) => (r: SimulationResult) => {
  expect(r.outcome).toBe("room");
  expect(r.room?.roomName).toBe(roomName);
  if (ruleId !== undefined) expect(r.rule?.id).toBe(ruleId);
};
const asksPinFor = (ruleId: string) => (r: SimulationResult) => {
  expect(r.outcome).toBe("request-pin");
  expect(r.rule?.id).toBe(ruleId);
  expect(r.room).toBeUndefined();
};
const dropReason = (r: SimulationResult, ruleId: string) => r.rules.find((v) => v.rule.id === ruleId)?.reason;

const OPEN_ROOM = [rule("open", direct("open-room"))];

const trunkCases: Case[] = [
  {
    name: "no trunks at all: OSS accepts the call, only wildcard rules apply, and the result says so",
    config: { rules: OPEN_ROOM },
    expected: (r) => {
      expect(r.trunk).toMatchObject({ matchType: "empty", verdicts: [] });
      landsIn("open-room")(r);
      expect(r.notes.join("\n")).toMatch(/No trunk matched. OSS LiveKit still accepts the call.*Cloud may reject it with 404/);
    },
  },
  { name: "one wildcard trunk is the default", config: { trunks: [trunk("aaa")] }, expected: (r) => expect(r.trunk).toMatchObject({ matched: { id: "aaa" }, matchType: "default" }) },
  { name: "a trunk listing the called number", config: { trunks: [trunk("aaa", { numbers: [N2] })] }, expected: (r) => expect(r.trunk).toMatchObject({ matched: { id: "aaa" }, matchType: "specific" }) },
  { name: "caller in allowed numbers", config: { trunks: [trunk("aaa", { numbers: [N2], allowedNumbers: [N1] })] }, expected: matchedTrunk("aaa") },
  {
    name: "a trunk for another number is never a candidate",
    config: { trunks: [trunk("aaa", { numbers: [N3] })] },
    expected: (r) => {
      expect(r.trunk).toMatchObject({ matchType: "empty", verdicts: [{ trunk: { id: "aaa" }, status: "skipped", reason: "calledNumberNotListed" }] });
      expect(r.trunk.matched).toBeUndefined();
    },
  },
  {
    name: "caller outside allowed numbers",
    config: { trunks: [trunk("aaa", { numbers: [N2], allowedNumbers: [N1 + "1"] })] },
    expected: (r) => expect(r.trunk).toMatchObject({ matchType: "none", verdicts: [{ status: "skipped", reason: "callerNotAllowed" }] }),
  },
  { name: "one match among two", config: { trunks: [trunk("aaa", { numbers: [N3] }), trunk("bbb", { numbers: [N2] })] }, expected: matchedTrunk("bbb") },
  {
    name: "two specific trunks for the number fail the call",
    config: { trunks: [trunk("aaa", { numbers: [N3] }), trunk("bbb", { numbers: [N2] }), trunk("ccc", { numbers: [N2] })] },
    expected: (r) => {
      failsWith(`Multiple SIP Trunks matched for "${N2}"`)(r);
      expect(r.error).toMatchObject({ stage: "trunk", code: "failed_precondition" });
      expect(r.trunk.verdicts.map((v) => v.status)).toEqual(["selected", "conflict", "skipped"]);
    },
  },
  {
    name: "a specific trunk beats wildcard trunks, even two of them",
    config: { trunks: [trunk("aaa", { numbers: [N3] }), trunk("bbb"), trunk("ccc", { numbers: [N2] }), trunk("ddd")] },
    expected: matchedTrunk("ccc"),
  },
  {
    name: "a trunk filtering the caller out leaves the open one",
    config: { trunks: [trunk("aaa", { numbers: [N3] }), trunk("bbb", { numbers: [N2] }), trunk("ccc", { numbers: [N2], allowedNumbers: [N1 + "1"] })] },
    expected: matchedTrunk("bbb"),
  },
  {
    name: "two default trunks fail the call",
    config: { trunks: [trunk("aaa", { numbers: [N3] }), trunk("bbb"), trunk("ccc")] },
    expected: failsWith(`Multiple default SIP Trunks matched for "${N2}"`),
  },
  {
    name: "allowed address: exact IP",
    config: { trunks: [trunk("bbb", { numbers: [N2], allowedAddresses: ["10.10.10.10", "1.1.1.1"] })] },
    expected: matchedTrunk("bbb"),
  },
  {
    name: "allowed address: another IP filters the trunk out",
    config: { trunks: [trunk("bbb", { numbers: [N2], allowedAddresses: ["10.10.10.10"] })] },
    expected: (r) => expect(r.trunk).toMatchObject({ matchType: "none", verdicts: [{ reason: "sourceNotAllowed" }] }),
  },
  { name: "allowed address: CIDR", config: { trunks: [trunk("bbb", { numbers: [N2], allowedAddresses: ["10.10.10.0/24", "1.1.1.0/24"] })] }, expected: matchedTrunk("bbb") },
  { name: "allowed address: CIDR miss", config: { trunks: [trunk("bbb", { numbers: [N2], allowedAddresses: ["10.10.10.0/24"] })] }, expected: matchedTrunk(undefined) },
  {
    name: "allowed address: a hostname compares with the From host",
    config: { trunks: [trunk("bbb", { numbers: [N2], allowedAddresses: ["10.10.10.0/24", "sip.example.com"] })] },
    expected: matchedTrunk("bbb"),
  },
  {
    name: "allowed address: only invalid masks means allow all",
    config: { trunks: [trunk("bbb", { numbers: [N2], allowedAddresses: ["10.0.0.1,10.0.0.2", "sip://pbx.example.com", "10.0.0.*"] })] },
    expected: matchedTrunk("bbb"),
  },
  {
    name: "allowed address: an IPv4-mapped IPv6 source is not inside an IPv4 prefix",
    config: { trunks: [trunk("bbb", { numbers: [N2], allowedAddresses: ["1.1.1.0/24"] })] },
    call: { sourceIp: "::ffff:1.1.1.1" },
    expected: matchedTrunk(undefined),
  },
  {
    name: "no source IP: the address filter cannot apply, and the result says so",
    config: { trunks: [trunk("bbb", { numbers: [N2], allowedAddresses: ["10.10.10.10"] })] },
    call: { sourceIp: "" },
    expected: (r) => {
      matchedTrunk("bbb")(r);
      expect(r.notes[0]).toMatch(/No source IP given/);
    },
  },
  {
    name: "a source that is not an IP is refused by the server",
    config: { trunks: [trunk("bbb", { numbers: [N2] })] },
    call: { sourceIp: "pbx.example.com" },
    expected: (r) => {
      failsWith('ParseAddr("pbx.example.com"): unable to parse IP')(r);
      expect(r.error).toMatchObject({ stage: "source", code: "invalid_argument" });
    },
  },
  {
    name: "trunk numbers are normalised: +2222 2222 answers 2222 2222",
    config: { trunks: [trunk("aaa", { numbers: ["+" + N3] }), trunk("bbb", { numbers: ["+" + N2] })] },
    expected: matchedTrunk("bbb"),
  },
  {
    name: "trunk numbers are normalised: 2222 2222 answers +2222 2222 and allows +1111 1111",
    config: { trunks: [trunk("aaa", { numbers: [N3] }), trunk("bbb", { numbers: [N2], allowedNumbers: [N1] })] },
    call: { callerNumber: "+" + N1, calledNumber: "+" + N2 },
    expected: matchedTrunk("bbb"),
  },
  {
    name: "one trunk listing both spellings of the number is not a conflict with itself",
    config: { trunks: [trunk("aaa", { numbers: ["+" + N2, N2] })] },
    expected: matchedTrunk("aaa"),
  },
  {
    name: "same number, one trunk with allowed numbers and one without: the allowed caller matches both and fails",
    config: { trunks: [trunk("aaa", { numbers: [N2], allowedNumbers: [N1] }), trunk("bbb", { numbers: [N2] })] },
    expected: failsWith(`Multiple SIP Trunks matched for "${N2}"`),
  },
  {
    name: "digest auth when user name and password are both set; the password never appears",
    config: { trunks: [trunk("aaa", { numbers: [N2], authUsername: "pbx", authPassword: "s3cret", authRealm: "example" })], rules: OPEN_ROOM },
    expected: (r) => {
      expect(r.auth).toEqual({ required: true, username: "pbx", realm: "example" });
      expect(JSON.stringify(r)).not.toContain("s3cret");
    },
  },
  {
    name: "no auth with a user name but no password",
    config: { trunks: [trunk("aaa", { numbers: [N2], authUsername: "pbx" })] },
    expected: (r) => expect(r.auth).toEqual({ required: false }),
  },
];

const ruleCases: Case[] = [
  { name: "no rules: the call is dropped", config: { trunks: [AAA] }, expected: (r) => expect(r.outcome).toBe("no-rule") },
  { name: "a wildcard rule with a trunk", config: { trunks: [AAA], rules: [rule("r0", direct("sip"))] }, expected: landsIn("sip", "r0") },
  { name: "a rule naming the trunk", config: { trunks: [AAA], rules: [rule("r0", direct("sip"), { trunkIds: ["aaa", "bbb"] })] }, expected: landsIn("sip", "r0") },
  {
    name: "a rule naming another trunk is not loaded",
    config: { trunks: [AAA], rules: [rule("r0", direct("sip"), { trunkIds: ["zzz"] })] },
    expected: (r) => {
      expect(r.outcome).toBe("no-rule");
      expect(dropReason(r, "r0")).toBe("otherTrunk");
    },
  },
  {
    name: "no trunk matched: trunk rules cannot apply, wildcard rules still do",
    config: { rules: [rule("r0", direct("specific"), { trunkIds: ["aaa"] }), rule("r1", direct("wildcard"))] },
    expected: (r) => {
      landsIn("wildcard", "r1")(r);
      expect(dropReason(r, "r0")).toBe("noTrunk");
    },
  },
  {
    name: "pinned direct rule: the right pin enters",
    config: { trunks: [AAA], rules: [rule("r0", direct("sip", "123"), { trunkIds: ["aaa"] }), rule("r1", direct("sip", "456"), { trunkIds: ["bbb"] })] },
    call: { pin: "123" },
    expected: landsIn("sip", "r0"),
  },
  {
    name: "pinned direct rule: no pin yet, so LiveKit asks for one",
    config: { trunks: [AAA], rules: [rule("r0", direct("sip", "123"), { trunkIds: ["aaa"] })] },
    expected: asksPinFor("r0"),
  },
  {
    name: "pinned direct rule: a wrong pin",
    config: { trunks: [AAA], rules: [rule("r0", direct("sip", "123"), { trunkIds: ["aaa"] }), rule("r1", direct("sip", "456"), { trunkIds: ["bbb"] })] },
    call: { pin: "zzz" },
    expected: (r) => {
      expect(r.outcome).toBe("wrong-pin");
      expect(dropReason(r, "r0")).toBe("wrongPin");
    },
  },
  {
    name: "two rules with the same pin on the trunk fail every call",
    config: { trunks: [AAA], rules: [rule("rule_0", direct("sip1", "123"), { trunkIds: ["aaa"] }), rule("rule_1", direct("sip2", "123"), { trunkIds: ["aaa", "bbb"] })] },
    call: { pin: "123" },
    expected: (r) => {
      failsWith('Dispatch rule for the same trunk, inbound number, number, and PIN combination already exists in dispatch rule "rule_0" "<blank name>"')(r);
      expect(r.error).toMatchObject({ stage: "rules", code: "invalid_argument" });
    },
  },
  {
    name: "same pin on different trunks is fine",
    config: { trunks: [AAA], rules: [rule("r0", direct("sip1", "123"), { trunkIds: ["aaa"] }), rule("r1", direct("sip2", "123"), { trunkIds: ["bbb"] })] },
    call: { pin: "123" },
    expected: landsIn("sip1", "r0"),
  },
  {
    name: "a trunk rule beats a wildcard rule with the same pin",
    config: { trunks: [AAA], rules: [rule("r0", direct("sip1", "123")), rule("r1", direct("sip2", "123"), { trunkIds: ["aaa"] })] },
    call: { pin: "123" },
    expected: (r) => {
      landsIn("sip2", "r1")(r);
      expect(dropReason(r, "r0")).toBe("trunkRuleWins");
    },
  },
  {
    name: "an open trunk rule beats a pinned wildcard rule: no pin asked",
    config: { trunks: [AAA], rules: [rule("r0", direct("sip1", "123")), rule("r1", direct("sip2"), { trunkIds: ["aaa"] })] },
    expected: landsIn("sip2", "r1"),
  },
  {
    name: "a pinned trunk rule beats an open wildcard rule: the pin is asked",
    config: { trunks: [AAA], rules: [rule("r0", direct("sip1")), rule("r1", direct("sip2", "123"), { trunkIds: ["aaa"] })] },
    expected: asksPinFor("r1"),
  },
  {
    name: "a trunk rule beats a wildcard rule whatever their priorities (2102 vs 0)",
    config: { trunks: [AAA], rules: [rule("r0", direct("vip", "1"), { inboundNumbers: [N1], numbers: [N2] }), rule("r1", callee("line"), { trunkIds: ["aaa"] })] },
    expected: (r) => {
      landsIn(`line_${N2}`, "r1")(r);
      expect(r.rules.map((v) => [v.rule.id, v.priority])).toEqual([["r1", 2102], ["r0", 0]]);
    },
  },
  {
    name: "two open wildcard rules conflict",
    config: { trunks: [AAA], rules: [rule("r0", direct("sip1")), rule("r1", direct("sip2"))] },
    expected: failsWith('Dispatch rule for the same trunk, inbound number, number, and PIN combination already exists in dispatch rule "r0" "<blank name>"'),
  },
  {
    name: "direct and individual rules with the same pin scope conflict: kind is not part of the key",
    config: { trunks: [AAA], rules: [rule("r0", individual("pref_", "123")), rule("r1", direct("sip", "123"))] },
    expected: (r) => expect(r.outcome).toBe("error"),
  },
  {
    name: "a caller filter earns priority (1100 vs 2100)",
    config: { trunks: [AAA], rules: [rule("r0", direct("sip1")), rule("r1", direct("sip2"), { inboundNumbers: [N1] })] },
    expected: (r) => {
      landsIn("sip2", "r1")(r);
      expect(r.rules.map((v) => v.priority)).toEqual([1100, 2100]);
    },
  },
  {
    name: "personal room: the owner's number enters without a pin, everyone else is asked",
    config: { trunks: [AAA], rules: [rule("r0", direct("sip1", "123")), rule("r1", direct("sip2"), { inboundNumbers: [N1] })] },
    expected: landsIn("sip2", "r1"),
  },
  {
    name: "personal room: another caller is asked for the pin",
    config: { trunks: [AAA], rules: [rule("r0", direct("sip1", "123")), rule("r1", direct("sip2"), { inboundNumbers: [N1] })] },
    call: { callerNumber: N3 },
    expected: (r) => {
      asksPinFor("r0")(r);
      expect(dropReason(r, "r1")).toBe("callerNotListed");
    },
  },
  {
    name: "a called-number filter earns priority",
    config: { trunks: [AAA], rules: [rule("r0", direct("sip_1")), rule("r1", direct("sip_2"), { numbers: [N2] })] },
    expected: landsIn("sip_2", "r1"),
  },
  {
    name: "rule numbers compare exactly: +2222 2222 does not match a call to 2222 2222 (the trunk does)",
    config: { trunks: [AAA], rules: [rule("r0", direct("exact"), { numbers: ["+" + N2] })] },
    expected: (r) => {
      matchedTrunk("aaa")(r);
      expect(r.outcome).toBe("no-rule");
      expect(dropReason(r, "r0")).toBe("calledNotListed");
    },
  },
  {
    name: "rule caller numbers compare exactly",
    config: { trunks: [AAA], rules: [rule("r0", direct("exact"), { inboundNumbers: ["+" + N1] })] },
    expected: (r) => expect(dropReason(r, "r0")).toBe("callerNotListed"),
  },
  {
    name: "direct beats individual at equal pinning: the pin asked is the direct rule's",
    config: { trunks: [AAA], rules: [rule("r0", individual("pref_", "123")), rule("r1", direct("sip", "456"))] },
    expected: asksPinFor("r1"),
  },
  {
    name: "direct vs individual: the individual rule's pin still enters its room",
    config: { trunks: [AAA], rules: [rule("r0", individual("pref", "123", true)), rule("r1", direct("sip", "456"))] },
    call: { pin: "123" },
    expected: landsIn(`pref_${N1}`, "r0"),
  },
  {
    name: "individual beats callee at equal pinning",
    config: { trunks: [AAA], rules: [rule("r0", callee("c", "1")), rule("r1", individual("i", "2"))] },
    expected: (r) => {
      asksPinFor("r1")(r);
      expect(r.rules.map((v) => v.priority)).toEqual([2001, 2002]);
    },
  },
  {
    name: "equal priorities: the smaller room name wins, not the smaller ID",
    config: { trunks: [AAA], rules: [rule("a-first", direct("beta", "1")), rule("b-second", direct("alpha", "2"))] },
    expected: asksPinFor("b-second"),
  },
  {
    name: "equal priorities: the smaller room prefix wins for individual rules",
    config: { trunks: [AAA], rules: [rule("r0", individual("zulu", "1")), rule("r1", individual("alpha", "2"))] },
    expected: asksPinFor("r1"),
  },
  {
    name: "equal priorities and rooms: the first rule in ID order stays",
    config: { trunks: [AAA], rules: [rule("b", direct("same", "1")), rule("a", direct("same", "2"))] },
    expected: asksPinFor("a"),
  },
  {
    name: "pin flow: the pinned rule outranks the open one, so the pin is asked",
    config: { trunks: [AAA], rules: [rule("private", direct("private", "1234")), rule("lobby", direct("lobby"))] },
    expected: asksPinFor("private"),
  },
  {
    name: "pin flow: the right pin enters the pinned room",
    config: { trunks: [AAA], rules: [rule("private", direct("private", "1234")), rule("lobby", direct("lobby"))] },
    call: { pin: "1234" },
    expected: landsIn("private"),
  },
  {
    name: "pin flow: a wrong pin never falls back to the open room",
    config: { trunks: [AAA], rules: [rule("private", direct("private", "1234")), rule("lobby", direct("lobby"))] },
    call: { pin: "9999" },
    expected: (r) => {
      expect(r.outcome).toBe("wrong-pin");
      expect(dropReason(r, "lobby")).toBe("openAfterPin");
    },
  },
  {
    name: "pin flow: # without digits (no_pin) takes the open room",
    config: { trunks: [AAA], rules: [rule("private", direct("private", "1234")), rule("lobby", direct("lobby"))] },
    call: { noPin: true },
    expected: (r) => {
      landsIn("lobby")(r);
      expect(dropReason(r, "private")).toBe("pinRequired");
    },
  },
  {
    name: "pin flow: # without digits and no open rule is a wrong pin",
    config: { trunks: [AAA], rules: [rule("private", direct("private", "1234"))] },
    call: { noPin: true },
    expected: (r) => expect(r.outcome).toBe("wrong-pin"),
  },
  {
    name: "pin flow: more than 16 digits are rejected before any rule is read",
    config: { trunks: [AAA], rules: [rule("private", direct("private", "12345678901234567"))] },
    call: { pin: "12345678901234567" },
    expected: (r) => {
      expect(r.outcome).toBe("wrong-pin");
      expect(r.rules).toEqual([]);
    },
  },
  {
    name: "a rule without a variant fails every call that loads it",
    config: { trunks: [AAA], rules: [rule("r0", {}), rule("r1", direct("sip"), { trunkIds: ["aaa"] })] },
    expected: failsWith("unsupported SIP Dispatch Rule: <nil>"),
  },
  {
    name: "with no trunk every rule is loaded, so a conflict between other trunks' rules fails the call too",
    config: { rules: [rule("r0", direct("a"), { trunkIds: ["x"] }), rule("r1", direct("b"), { trunkIds: ["x"] }), rule("r2", direct("c"))] },
    expected: (r) => expect(r.error?.stage).toBe("rules"),
  },
];

const CALLER = "+15551234567";
const CALLEE = "+3333";
const EVAL_CALL: Partial<SimulatedCall> = { callerNumber: CALLER, calledNumber: CALLEE, callId: "call-id" };
const TR = trunk("trunk");

const evaluationCases: Case[] = [
  {
    name: "direct: identity, name, metadata and sip.* attributes after the rule's own",
    config: {
      trunks: [TR],
      rules: [rule("rule", direct("room"), { metadata: "rule-meta", attributes: { "rule-attr": "1", "sip.trunkID": "spoofed" }, mediaEncryption: "SIP_MEDIA_ENCRYPT_REQUIRE" })],
    },
    call: { callerNumber: "+11112222", calledNumber: "+3333", callId: "call-id" },
    expected: (r) => {
      expect(r.room).toEqual({
        roomName: "room",
        participantIdentity: "sip_+11112222",
        participantName: "Phone +11112222",
        participantMetadata: "rule-meta",
        participantAttributes: {
          "rule-attr": "1",
          "sip.callID": "call-id",
          "sip.trunkID": "trunk",
          "sip.ruleID": "rule",
          "sip.phoneNumber": "+11112222",
          "sip.trunkPhoneNumber": "+3333",
          "sip.hostname": "sip.example.com",
        },
        agents: [],
        roomPreset: "",
      });
      expect(r.media?.encryption).toBe("require");
    },
  },
  {
    name: "hidden number: hashed identity, last 4 digits, no number attributes",
    config: { trunks: [TR], rules: [rule("rule", direct("room"), { hidePhoneNumber: true, media: { encryption: "SIP_MEDIA_ENCRYPT_ALLOW" } })] },
    call: { callerNumber: "+11112222", calledNumber: "+3333", callId: "call-id" },
    expected: (r) => {
      expect(r.room?.participantIdentity).toBe(hashedIdentity("+11112222"));
      expect(r.room?.participantIdentity).toBe("sip_c15a31c71649a522");
      expect(r.room?.participantName).toBe("Phone 2222");
      expect(r.room?.participantAttributes).toEqual({ "sip.callID": "call-id", "sip.trunkID": "trunk", "sip.ruleID": "rule" });
      expect(r.media?.encryption).toBe("allow");
    },
  },
  {
    name: "hidden number: 4 characters or fewer keep only the last one",
    config: { trunks: [TR], rules: [rule("rule", direct("room"), { hidePhoneNumber: true })] },
    call: { callerNumber: "+123" },
    expected: (r) => {
      expect(r.room?.participantName).toBe("Phone 3");
      expect(r.room?.participantIdentity).toBe(hashedIdentity("+123"));
    },
  },
  {
    name: "hidden number: individual rooms are named after the masked number",
    config: { trunks: [TR], rules: [rule("rule", individual("call"), { hidePhoneNumber: true })] },
    call: EVAL_CALL,
    expected: landsIn("call_4567_<random>"),
  },
  {
    name: "hidden number with an empty caller: LiveKit's masking panics, the call fails",
    config: { trunks: [TR], rules: [rule("rule", direct("room"), { hidePhoneNumber: true })] },
    call: { callerNumber: "" },
    expected: (r) => expect(r.error).toMatchObject({ stage: "evaluation", message: "runtime error: slice bounds out of range [-1:]" }),
  },
  { name: "individual, no prefix, no randomness: the caller's number", config: { trunks: [TR], rules: [rule("rule", individual("", "", true))] }, call: EVAL_CALL, expected: landsIn(CALLER) },
  { name: "individual with prefix: prefix_caller", config: { trunks: [TR], rules: [rule("rule", individual("testPrefix", "", true))] }, call: EVAL_CALL, expected: landsIn(`testPrefix_${CALLER}`) },
  { name: "individual with randomness: a placeholder suffix", config: { trunks: [TR], rules: [rule("rule", individual(""))] }, call: EVAL_CALL, expected: landsIn(`${CALLER}_<random>`) },
  {
    name: "individual with prefix and randomness, with a seeded suffix",
    config: { trunks: [TR], rules: [rule("rule", individual("testPrefix"))] },
    call: EVAL_CALL,
    randomSuffix: "Ab3dEf6hJk9m",
    expected: landsIn(`testPrefix_${CALLER}_Ab3dEf6hJk9m`),
  },
  { name: "individual with a pin: no room until the pin is entered", config: { trunks: [TR], rules: [rule("rule", individual("testPrefix", "123"))] }, call: EVAL_CALL, expected: asksPinFor("rule") },
  {
    name: "a prefix ending in a dash still gets the underscore",
    config: { trunks: [TR], rules: [rule("rule", individual("call-", "", true))] },
    call: EVAL_CALL,
    expected: landsIn(`call-_${CALLER}`),
  },
  { name: "callee without prefix: the called number", config: { trunks: [TR], rules: [rule("rule", callee(""))] }, call: EVAL_CALL, expected: landsIn(CALLEE) },
  { name: "callee with prefix", config: { trunks: [TR], rules: [rule("rule", callee("line"))] }, call: EVAL_CALL, expected: landsIn(`line_${CALLEE}`) },
  { name: "callee with randomize", config: { trunks: [TR], rules: [rule("rule", callee("line", "", true))] }, call: EVAL_CALL, expected: landsIn(`line_${CALLEE}_<random>`) },
  {
    name: "agents, room preset and config come from the rule",
    config: { trunks: [TR], rules: [rule("rule", individual("call"), { roomPreset: "receptionist", roomConfig: agents("front-desk", "notes") })] },
    call: EVAL_CALL,
    expected: (r) => {
      expect(r.room?.agents).toEqual(["front-desk", "notes"]);
      expect(r.room?.roomPreset).toBe("receptionist");
      expect(r.room?.roomConfig).toEqual(agents("front-desk", "notes"));
    },
  },
  { name: "Krisp from the trunk alone", config: { trunks: [trunk("trunk", { krispEnabled: true })], rules: [rule("rule", direct("room"))] }, expected: (r) => expect(r.krisp).toBe(true) },
  {
    name: "Krisp from the rule alone, flagged as Cloud-only",
    config: { trunks: [TR], rules: [rule("rule", direct("room"), { krispEnabled: true })] },
    expected: (r) => {
      expect(r.krisp).toBe(true);
      expect(r.notes.join("\n")).toMatch(/Krisp is requested, but the OSS SIP service/);
    },
  },
  { name: "Krisp off when neither enables it", config: { trunks: [TR], rules: [rule("rule", direct("room"))] }, expected: (r) => expect(r.krisp).toBe(false) },
];

const TEN_S = "10s";
const mediaCase = (name: string, trunkFields: object, ruleFields: object, media: object): Case => ({
  name: `media: ${name}`,
  config: { trunks: [trunk("trunk", trunkFields)], rules: [rule("rule", direct("room"), ruleFields)] },
  expected: (r) => expect(r.media).toEqual(media),
});

const NO_CODECS = { onlyListedCodecs: false, codecs: [] };
const mediaCases: Case[] = [
  mediaCase("nothing set", {}, {}, { ...NO_CODECS, encryption: "disable" }),
  mediaCase("trunk legacy encryption survives an empty rule", { mediaEncryption: "SIP_MEDIA_ENCRYPT_REQUIRE" }, {}, { ...NO_CODECS, encryption: "require" }),
  mediaCase("rule legacy encryption", {}, { mediaEncryption: "SIP_MEDIA_ENCRYPT_REQUIRE" }, { ...NO_CODECS, encryption: "require" }),
  mediaCase("trunk media only", { media: { mediaTimeout: TEN_S, encryption: "SIP_MEDIA_ENCRYPT_REQUIRE" } }, {}, { ...NO_CODECS, encryption: "require", mediaTimeout: TEN_S }),
  mediaCase("both legacy: the rule's wins", { mediaEncryption: "SIP_MEDIA_ENCRYPT_REQUIRE" }, { mediaEncryption: "SIP_MEDIA_ENCRYPT_ALLOW" }, { ...NO_CODECS, encryption: "allow" }),
  mediaCase(
    "both media: the rule's timeout and encryption win",
    { media: { mediaTimeout: "15s", encryption: "SIP_MEDIA_ENCRYPT_REQUIRE" } },
    { media: { mediaTimeout: TEN_S, encryption: "SIP_MEDIA_ENCRYPT_ALLOW" } },
    { ...NO_CODECS, encryption: "allow", mediaTimeout: TEN_S },
  ),
  mediaCase(
    "trunk media and rule legacy",
    { media: { mediaTimeout: TEN_S, encryption: "SIP_MEDIA_ENCRYPT_REQUIRE" } },
    { mediaEncryption: "SIP_MEDIA_ENCRYPT_ALLOW" },
    { ...NO_CODECS, encryption: "allow", mediaTimeout: TEN_S },
  ),
  mediaCase("a rule saying DISABLE keeps the trunk's encryption (DISABLE means unset)", { media: { encryption: "SIP_MEDIA_ENCRYPT_REQUIRE" } }, { media: { encryption: "SIP_MEDIA_ENCRYPT_DISABLE" } }, { ...NO_CODECS, encryption: "require" }),
  mediaCase(
    "the rule's codecs replace the trunk's, with its only_listed_codecs",
    { media: { onlyListedCodecs: true, codecs: [{ name: "PCMA", rate: 8000 }] } },
    { media: { codecs: [{ name: "G722", rate: 8000 }] } },
    { onlyListedCodecs: false, codecs: [{ name: "G722", rate: 8000 }], encryption: "disable" },
  ),
  mediaCase(
    "a rule without codecs keeps the trunk's",
    { media: { onlyListedCodecs: true, codecs: [{ name: "PCMA", rate: 8000 }] } },
    { media: { onlyListedCodecs: false, mediaTimeout: "5s" } },
    { onlyListedCodecs: true, codecs: [{ name: "PCMA", rate: 8000 }], encryption: "disable", mediaTimeout: "5s" },
  ),
];

const caseTable: [string, Case[]][] = [
  ["trunk selection", trunkCases],
  ["dispatch-rule selection", ruleCases],
  ["rule evaluation", evaluationCases],
  ["media merge", mediaCases],
];

describe.each(caseTable)("simulateCall: %s", (_group, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const config: RoutingConfig = { trunks: c.config.trunks ?? [], rules: c.config.rules ?? [] };
    const result = simulateCall(config, { ...CALL, ...c.call }, { randomSuffix: c.randomSuffix });
    c.expected(result);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

it("has at least 40 cases", () => {
  expect(caseTable.flatMap(([, cases]) => cases).length).toBeGreaterThanOrEqual(40);
});

describe("describeSimulation", () => {
  const config: RoutingConfig = {
    trunks: [trunk("aaa", { name: "main", numbers: [N2] })],
    rules: [rule("r0", individual("call", "", true), { name: "desk", roomConfig: agents("front-desk") }), rule("r1", direct("vip", "42"), { name: "vip" })],
  };

  it.each([
    [{}, "Asked for a pin for room `vip` (trunk `main`, rule `vip`)."],
    [{ noPin: true }, "Lands in room `call_1111 1111` with agent `front-desk` (trunk `main`, rule `desk`)."],
    [{ pin: "7" }, "Rejected as a wrong pin (trunk `main`)."],
    [{ calledNumber: N3, noPin: true }, "Lands in room `call_1111 1111` with agent `front-desk` (no trunk, rule `desk`)."],
    [{ sourceIp: "x" }, 'Fails with SIP 503: ParseAddr("x"): unable to parse IP'],
  ])("%j", (call, sentence) => {
    expect(describeSimulation(simulateCall(config, { ...CALL, ...call }))).toBe(sentence);
  });

  it("says a call is dropped when no rule matches", () => {
    expect(describeSimulation(simulateCall({ trunks: [], rules: [] }, CALL))).toBe("Dropped: no dispatch rule matches (no trunk).");
  });
});
