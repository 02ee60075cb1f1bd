import type { Message, PartialMessage } from "@bufbuild/protobuf";
import { Duration } from "@bufbuild/protobuf";
import {
  CreateSIPDispatchRuleRequest,
  CreateSIPInboundTrunkRequest,
  CreateSIPOutboundTrunkRequest,
  DeleteSIPDispatchRuleRequest,
  DeleteSIPTrunkRequest,
  GetSIPInboundTrunkRequest,
  GetSIPOutboundTrunkRequest,
  SIPDispatchRule,
  UpdateSIPDispatchRuleRequest,
  UpdateSIPInboundTrunkRequest,
  UpdateSIPOutboundTrunkRequest,
} from "@livekit/protocol";
import { useEmulator } from "./support/emulator";
import { createInbound, createOutbound, createRule, direct, inbound, outbound, rule } from "./support/fixtures";
import { ENCODINGS, rpc } from "./support/rpc";

/**
 * Every request validation message of LiveKit's SIP admin API (research §2.2–§2.7, §3), in each
 * wire encoding. Each case holds exactly one problem, because LiveKit walks header maps in
 * random order.
 */

interface Fixtures {
  readonly inboundId: string;
  readonly outboundId: string;
  readonly ruleId: string;
}

interface Case {
  readonly name: string;
  readonly method: string;
  readonly request: (fx: Fixtures) => Message;
  readonly msg: string;
  readonly code?: string;
  readonly status?: number;
}

const SECURITY = "for security, one of the fields must be set: AuthUsername+AuthPassword, AllowedAddresses or Numbers";
const seconds = (s: number) => new Duration({ seconds: BigInt(s) });
const MISSING_ID = "ST_zzzzzzzzzzzz";

const inboundCases: Case[] = [
  { name: "no trunk", method: "CreateSIPInboundTrunk", request: () => new CreateSIPInboundTrunkRequest(), msg: "missing trunk" },
  { name: "trunk ID set", method: "CreateSIPInboundTrunk", request: () => inbound({ sipTrunkId: "ST_abc" }), msg: "trunk id must not be set" },
  { name: "nothing securing it", method: "CreateSIPInboundTrunk", request: () => new CreateSIPInboundTrunkRequest({ trunk: { name: "x" } }), msg: SECURITY },
  {
    name: "allowed numbers alone do not secure it",
    method: "CreateSIPInboundTrunk",
    request: () => new CreateSIPInboundTrunkRequest({ trunk: { allowedNumbers: ["+1555"] } }),
    msg: SECURITY,
  },
  { name: "empty codec name", method: "CreateSIPInboundTrunk", request: () => inbound({ media: { codecs: [{ name: "" }] } }), msg: "missing codec name" },
  { name: "codec name with space", method: "CreateSIPInboundTrunk", request: () => inbound({ media: { codecs: [{ name: "PC MU" }] } }), msg: "invalid codec name" },
  { name: "codec name with tab", method: "CreateSIPInboundTrunk", request: () => inbound({ media: { codecs: [{ name: "PCMU\t" }] } }), msg: "invalid codec name" },
  {
    name: "codec name with rate",
    method: "CreateSIPInboundTrunk",
    request: () => inbound({ media: { codecs: [{ name: "PCMU/8000" }] } }),
    msg: "codec name must not contain '/'",
  },
  {
    name: "negative media timeout",
    method: "CreateSIPInboundTrunk",
    request: () => inbound({ media: { mediaTimeout: new Duration({ nanos: -1 }) } }),
    msg: "media_timeout must not be negative",
  },
  {
    name: "media timeout over 10 minutes",
    method: "CreateSIPInboundTrunk",
    request: () => inbound({ media: { mediaTimeout: new Duration({ seconds: 600n, nanos: 1 }) } }),
    msg: "media_timeout must not exceed 10m0s",
  },
  { name: "empty header name", method: "CreateSIPInboundTrunk", request: () => inbound({ headers: { "": "v" } }), msg: "invalid header name: header name cannot be empty" },
  {
    name: "header name too long",
    method: "CreateSIPInboundTrunk",
    request: () => inbound({ headers: { ["X".repeat(256)]: "v" } }),
    msg: "invalid header name: header name too long (max 255 characters)",
  },
  {
    name: "header name with space",
    method: "CreateSIPInboundTrunk",
    request: () => inbound({ headers: { "X Bad": "v" } }),
    msg: "invalid header name: header name X Bad contains invalid characters: char 32 not allowed",
  },
  {
    name: "non-ASCII header name",
    method: "CreateSIPInboundTrunk",
    request: () => inbound({ headers: { "X-é": "v" } }),
    msg: "invalid header name: header name X-é contains invalid characters: char 233 out of range, consider explicilty adding utf8 characters",
  },
  {
    name: "forbidden header",
    method: "CreateSIPInboundTrunk",
    request: () => inbound({ headers: { "Call-ID": "v" } }),
    msg: "invalid header name: header name Call-ID not supported",
  },
  {
    name: "forbidden short header",
    method: "CreateSIPInboundTrunk",
    request: () => inbound({ headers: { m: "v" } }),
    msg: "invalid header name: header name m not supported",
  },
  {
    name: "header value with control character",
    method: "CreateSIPInboundTrunk",
    request: () => inbound({ headers: { "X-A": "a\u0001" } }),
    msg: "invalid header value for X-A: header X-A: value: char 1 not allowed",
  },
  {
    name: "header value too long",
    method: "CreateSIPInboundTrunk",
    request: () => inbound({ headers: { "X-A": "v".repeat(1025) } }),
    msg: "invalid header value for X-A: header X-A: value too long (max 1024 characters)",
  },
  {
    name: "attributes_to_headers value not a header name",
    method: "CreateSIPInboundTrunk",
    request: () => inbound({ attributesToHeaders: { attr: "Bad Name" } }),
    msg: "invalid header name: header name Bad Name contains invalid characters: char 32 not allowed",
  },
  {
    name: "headers_to_attributes key not a header name",
    method: "CreateSIPInboundTrunk",
    request: () => inbound({ headersToAttributes: { "Bad:Name": "attr" } }),
    msg: "invalid header name: header name Bad:Name contains invalid characters: char 58 not allowed",
  },
  {
    name: "media is checked before headers on inbound trunks",
    method: "CreateSIPInboundTrunk",
    request: () => inbound({ media: { codecs: [{ name: "" }] }, headers: { From: "x" } }),
    msg: "missing codec name",
  },
];

const outboundCases: Case[] = [
  { name: "no trunk", method: "CreateSIPOutboundTrunk", request: () => new CreateSIPOutboundTrunkRequest(), msg: "missing trunk" },
  { name: "trunk ID set", method: "CreateSIPOutboundTrunk", request: () => outbound({ sipTrunkId: "ST_abc" }), msg: "trunk id must not be set" },
  { name: "no numbers", method: "CreateSIPOutboundTrunk", request: () => outbound({ numbers: [] }), msg: "no trunk numbers specified" },
  { name: "no address", method: "CreateSIPOutboundTrunk", request: () => outbound({ address: "" }), msg: "no outbound address specified" },
  {
    name: "address with transport",
    method: "CreateSIPOutboundTrunk",
    request: () => outbound({ address: "sip.example.com;transport=tcp" }),
    msg: "trunk address should not contain transport parameter",
  },
  {
    name: "address as SIP URI",
    method: "CreateSIPOutboundTrunk",
    request: () => outbound({ address: "sip:sip.example.com" }),
    msg: "trunk address should be a hostname or IP, not SIP URI",
  },
  {
    name: "address with user",
    method: "CreateSIPOutboundTrunk",
    request: () => outbound({ address: "user@sip.example.com" }),
    msg: "trunk address should be a hostname or IP, not SIP URI",
  },
  {
    name: "from_host as SIPS URI",
    method: "CreateSIPOutboundTrunk",
    request: () => outbound({ fromHost: "sips:example.com" }),
    msg: "from_host should be a hostname or IP, not SIP URI",
  },
  {
    name: "from_host with transport",
    method: "CreateSIPOutboundTrunk",
    request: () => outbound({ fromHost: "example.com;transport=udp" }),
    msg: "from_host should not contain transport parameter",
  },
  {
    name: "forbidden header",
    method: "CreateSIPOutboundTrunk",
    request: () => outbound({ headers: { Contact: "v" } }),
    msg: "invalid header name: header name Contact not supported",
  },
  {
    name: "headers are checked before media on outbound trunks",
    method: "CreateSIPOutboundTrunk",
    request: () => outbound({ media: { codecs: [{ name: "" }] }, headers: { From: "x" } }),
    msg: "invalid header name: header name From not supported",
  },
  { name: "bad codec", method: "CreateSIPOutboundTrunk", request: () => outbound({ media: { codecs: [{ name: "a/b" }] } }), msg: "codec name must not contain '/'" },
];

const ruleCases: Case[] = [
  { name: "legacy form without rule", method: "CreateSIPDispatchRule", request: () => new CreateSIPDispatchRuleRequest(), msg: "missing rule" },
  {
    name: "new form without rule",
    method: "CreateSIPDispatchRule",
    request: () => new CreateSIPDispatchRuleRequest({ dispatchRule: { name: "x" } }),
    msg: "missing rule",
  },
  { name: "rule ID set", method: "CreateSIPDispatchRule", request: () => rule({ sipDispatchRuleId: "SDR_x" }), msg: "rule id must not be set" },
  { name: "bad media", method: "CreateSIPDispatchRule", request: () => rule({ media: { codecs: [{ name: "" }] } }), msg: "missing codec name" },
  {
    name: "rule with an empty oneof (psrpc error, prefixed)",
    method: "CreateSIPDispatchRule",
    request: () => rule({ rule: new SIPDispatchRule() }),
    msg: "twirp error unknown: unsupported SIP Dispatch Rule: <nil>",
  },
  {
    name: "legacy rule with an empty oneof",
    method: "CreateSIPDispatchRule",
    request: () => new CreateSIPDispatchRuleRequest({ rule: {} }),
    msg: "twirp error unknown: unsupported SIP Dispatch Rule: <nil>",
  },
];

const updateTrunk = (id: string, action: PartialMessage<UpdateSIPInboundTrunkRequest>["action"]) =>
  new UpdateSIPInboundTrunkRequest({ sipTrunkId: id, action });

const updateCases: Case[] = [
  { name: "inbound: no ID", method: "UpdateSIPInboundTrunk", request: () => updateTrunk("", { case: "update", value: { name: "x" } }), msg: "trunk id must be set" },
  {
    name: "inbound: no action",
    method: "UpdateSIPInboundTrunk",
    request: (fx) => new UpdateSIPInboundTrunkRequest({ sipTrunkId: fx.inboundId }),
    msg: "missing or unsupported update action",
  },
  {
    name: "inbound: replace with another ID",
    method: "UpdateSIPInboundTrunk",
    request: (fx) => updateTrunk(fx.inboundId, { case: "replace", value: inbound({ sipTrunkId: "ST_other" }).trunk! }),
    msg: "trunk id in the info must be empty or match the id in the update",
  },
  {
    name: "inbound: invalid replacement",
    method: "UpdateSIPInboundTrunk",
    request: (fx) => updateTrunk(fx.inboundId, { case: "replace", value: new CreateSIPInboundTrunkRequest({ trunk: {} }).trunk! }),
    msg: SECURITY,
  },
  {
    name: "inbound: empty list update",
    method: "UpdateSIPInboundTrunk",
    request: (fx) => updateTrunk(fx.inboundId, { case: "update", value: { numbers: {} } }),
    msg: "unsupported list update operation",
  },
  {
    name: "inbound: clear and add",
    method: "UpdateSIPInboundTrunk",
    request: (fx) => updateTrunk(fx.inboundId, { case: "update", value: { allowedNumbers: { clear: true, add: ["+1"] } } }),
    msg: "cannot clear and change the list at the same time",
  },
  {
    name: "inbound: set and remove",
    method: "UpdateSIPInboundTrunk",
    request: (fx) => updateTrunk(fx.inboundId, { case: "update", value: { allowedAddresses: { set: ["1.2.3.4"], remove: ["5.6.7.8"] } } }),
    msg: "cannot set and change the list at the same time",
  },
  {
    name: "inbound: empty element",
    method: "UpdateSIPInboundTrunk",
    request: (fx) => updateTrunk(fx.inboundId, { case: "update", value: { numbers: { add: [""] } } }),
    msg: "empty element in the list",
  },
  {
    name: "inbound: bad media in update",
    method: "UpdateSIPInboundTrunk",
    request: (fx) => updateTrunk(fx.inboundId, { case: "update", value: { media: { codecs: [{ name: "x y" }] } } }),
    msg: "invalid codec name",
  },
  {
    name: "inbound: validation comes before the lookup",
    method: "UpdateSIPInboundTrunk",
    request: () => updateTrunk(MISSING_ID, { case: "update", value: { numbers: {} } }),
    msg: "unsupported list update operation",
  },
  {
    name: "inbound: unknown trunk",
    method: "UpdateSIPInboundTrunk",
    request: () => updateTrunk(MISSING_ID, { case: "update", value: { name: "x" } }),
    msg: "requested sip trunk does not exist",
    code: "not_found",
    status: 404,
  },
  {
    name: "inbound: an outbound trunk is not an inbound one",
    method: "UpdateSIPInboundTrunk",
    request: (fx) => updateTrunk(fx.outboundId, { case: "update", value: { name: "x" } }),
    msg: "requested sip trunk does not exist",
    code: "not_found",
    status: 404,
  },
  {
    name: "inbound: update leaving it unsecured (psrpc error returned unwrapped)",
    method: "UpdateSIPInboundTrunk",
    request: (fx) => updateTrunk(fx.inboundId, { case: "update", value: { numbers: { clear: true } } }),
    msg: `twirp error unknown: ${SECURITY}`,
  },
  {
    name: "outbound: no ID",
    method: "UpdateSIPOutboundTrunk",
    request: () => new UpdateSIPOutboundTrunkRequest({ action: { case: "update", value: { name: "x" } } }),
    msg: "trunk id must be set",
  },
  {
    name: "outbound: invalid replacement",
    method: "UpdateSIPOutboundTrunk",
    request: (fx) =>
      new UpdateSIPOutboundTrunkRequest({ sipTrunkId: fx.outboundId, action: { case: "replace", value: outbound({ address: "" }).trunk! } }),
    msg: "no outbound address specified",
  },
  {
    name: "outbound: update removing every number (plain error returned unwrapped)",
    method: "UpdateSIPOutboundTrunk",
    request: (fx) => new UpdateSIPOutboundTrunkRequest({ sipTrunkId: fx.outboundId, action: { case: "update", value: { numbers: { clear: true } } } }),
    msg: "no trunk numbers specified",
    code: "unknown",
    status: 500,
  },
  {
    name: "outbound: update to a SIP URI address",
    method: "UpdateSIPOutboundTrunk",
    request: (fx) => new UpdateSIPOutboundTrunkRequest({ sipTrunkId: fx.outboundId, action: { case: "update", value: { address: "sip:x.example.com" } } }),
    msg: "trunk address should be a hostname or IP, not SIP URI",
    code: "unknown",
    status: 500,
  },
  {
    name: "outbound: an inbound trunk is not an outbound one",
    method: "UpdateSIPOutboundTrunk",
    request: (fx) => new UpdateSIPOutboundTrunkRequest({ sipTrunkId: fx.inboundId, action: { case: "update", value: { name: "x" } } }),
    msg: "requested sip trunk does not exist",
    code: "not_found",
    status: 404,
  },
  {
    name: "rule: no ID",
    method: "UpdateSIPDispatchRule",
    request: () => new UpdateSIPDispatchRuleRequest({ action: { case: "update", value: { name: "x" } } }),
    msg: "rule id must be set",
  },
  {
    name: "rule: no action",
    method: "UpdateSIPDispatchRule",
    request: (fx) => new UpdateSIPDispatchRuleRequest({ sipDispatchRuleId: fx.ruleId }),
    msg: "missing or unsupported update action",
  },
  {
    name: "rule: replace with another ID",
    method: "UpdateSIPDispatchRule",
    request: (fx) =>
      new UpdateSIPDispatchRuleRequest({ sipDispatchRuleId: fx.ruleId, action: { case: "replace", value: { sipDispatchRuleId: "SDR_other", rule: direct("r") } } }),
    msg: "rule id in the info must be empty or match the id in the update",
  },
  {
    name: "rule: replacement without rule",
    method: "UpdateSIPDispatchRule",
    request: (fx) => new UpdateSIPDispatchRuleRequest({ sipDispatchRuleId: fx.ruleId, action: { case: "replace", value: { name: "x" } } }),
    msg: "missing rule",
  },
  {
    name: "rule: empty trunk list update",
    method: "UpdateSIPDispatchRule",
    request: (fx) => new UpdateSIPDispatchRuleRequest({ sipDispatchRuleId: fx.ruleId, action: { case: "update", value: { trunkIds: {} } } }),
    msg: "unsupported list update operation",
  },
  {
    name: "rule: update to an empty rule oneof",
    method: "UpdateSIPDispatchRule",
    request: (fx) => new UpdateSIPDispatchRuleRequest({ sipDispatchRuleId: fx.ruleId, action: { case: "update", value: { rule: {} } } }),
    msg: "twirp error unknown: unsupported SIP Dispatch Rule: <nil>",
  },
  {
    name: "rule: unknown rule",
    method: "UpdateSIPDispatchRule",
    request: () => new UpdateSIPDispatchRuleRequest({ sipDispatchRuleId: "SDR_zzzzzzzzzzzz", action: { case: "update", value: { name: "x" } } }),
    msg: "requested sip dispatch rule does not exist",
    code: "not_found",
    status: 404,
  },
];

const lookupCases: Case[] = [
  { name: "get inbound without ID", method: "GetSIPInboundTrunk", request: () => new GetSIPInboundTrunkRequest(), msg: "trunk ID is required" },
  { name: "get outbound without ID", method: "GetSIPOutboundTrunk", request: () => new GetSIPOutboundTrunkRequest(), msg: "trunk ID is required" },
  {
    name: "get inbound, unknown",
    method: "GetSIPInboundTrunk",
    request: () => new GetSIPInboundTrunkRequest({ sipTrunkId: MISSING_ID }),
    msg: "requested sip trunk does not exist",
    code: "not_found",
    status: 404,
  },
  {
    name: "get inbound with an outbound ID",
    method: "GetSIPInboundTrunk",
    request: (fx) => new GetSIPInboundTrunkRequest({ sipTrunkId: fx.outboundId }),
    msg: "requested sip trunk does not exist",
    code: "not_found",
    status: 404,
  },
  {
    name: "get outbound with an inbound ID",
    method: "GetSIPOutboundTrunk",
    request: (fx) => new GetSIPOutboundTrunkRequest({ sipTrunkId: fx.inboundId }),
    msg: "requested sip trunk does not exist",
    code: "not_found",
    status: 404,
  },
  { name: "delete trunk without ID", method: "DeleteSIPTrunk", request: () => new DeleteSIPTrunkRequest(), msg: "trunk ID is required" },
  { name: "delete rule without ID", method: "DeleteSIPDispatchRule", request: () => new DeleteSIPDispatchRuleRequest(), msg: "dispatch rule ID is required" },
  {
    name: "delete unknown rule",
    method: "DeleteSIPDispatchRule",
    request: () => new DeleteSIPDispatchRuleRequest({ sipDispatchRuleId: "SDR_zzzzzzzzzzzz" }),
    msg: "requested sip dispatch rule does not exist",
    code: "not_found",
    status: 404,
  },
];

const ALL_CASES = [...inboundCases, ...outboundCases, ...ruleCases, ...updateCases, ...lookupCases];

describe("request validation answers exactly like LiveKit", () => {
  const emulator = useEmulator();
  let fx: Fixtures;

  beforeEach(async () => {
    const url = emulator().url;
    const [inboundTrunk, outboundTrunk, dispatchRule] = await Promise.all([
      createInbound(url, { numbers: ["+15550000"] }),
      createOutbound(url),
      createRule(url, { trunkIds: ["ST_fixture"] }),
    ]);
    fx = { inboundId: inboundTrunk.sipTrunkId, outboundId: outboundTrunk.sipTrunkId, ruleId: dispatchRule.sipDispatchRuleId };
  });

  describe.each(ENCODINGS)("%s", (encoding) => {
    it.each(ALL_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
      const res = await rpc(emulator().url, c.method, c.request(fx), encoding);
      expect(res.status).toBe(c.status ?? 400);
      expect(res.contentType).toBe("application/json");
      expect(res.error).toEqual({ code: c.code ?? "invalid_argument", msg: c.msg });
    });
  });

  it.each([
    ["a trunk secured by a username alone", "CreateSIPInboundTrunk", new CreateSIPInboundTrunkRequest({ trunk: { authUsername: "u" } })],
    ["a trunk secured by a password alone", "CreateSIPInboundTrunk", new CreateSIPInboundTrunkRequest({ trunk: { authPassword: "p" } })],
    ["a trunk secured by addresses alone", "CreateSIPInboundTrunk", new CreateSIPInboundTrunkRequest({ trunk: { allowedAddresses: ["10.0.0.0/8"] } })],
    ["a SIP user name as number", "CreateSIPInboundTrunk", inbound({ numbers: ["user"] })],
    ["a media timeout of exactly 10 minutes", "CreateSIPInboundTrunk", inbound({ media: { mediaTimeout: seconds(600) } })],
    ["rate 0 and unknown codecs", "CreateSIPInboundTrunk", inbound({ media: { onlyListedCodecs: true, codecs: [{ name: "opus", rate: 0 }] } })],
    ["forbidden names in attributes_to_headers", "CreateSIPInboundTrunk", inbound({ attributesToHeaders: { a: "From" } })],
    ["UTF-8 in header values", "CreateSIPInboundTrunk", inbound({ headers: { "X-Name": "Zoë\tTab" } })],
    ["an address with port", "CreateSIPOutboundTrunk", outbound({ address: "10.0.0.1:5061" })],
    ["any destination country on trunks", "CreateSIPOutboundTrunk", outbound({ destinationCountry: "not a country" })],
    ["an empty direct room name", "CreateSIPDispatchRule", rule({ rule: direct("") })],
    ["a pin of any form", "CreateSIPDispatchRule", rule({ rule: direct("r", "12#ab") })],
    ["trunk IDs that do not exist", "CreateSIPDispatchRule", rule({ trunkIds: ["ST_nothere"] })],
  ] as const)("accepts %s", async (_name, method, request) => {
    const res = await rpc(emulator().url, method, request);
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(200);
  });
});
