import { checkDesired } from "../../../src/tools/offline/checkDesired";
import type { ResourceType } from "../../../src/resources";
import { startHostAndEmulator, type HostAndEmulator } from "../../support/livekitStack";

/**
 * Bad input, each with the property and message preview must report. Every case goes through
 * `check` in the real provider host; none may reach LiveKit.
 */
type Case = [description: string, type: ResourceType, args: Record<string, unknown>, property: string, message: RegExp];

const inbound = { numbers: ["+14155550100"], allowedAddresses: ["192.0.2.10"] };
const outbound = { address: "sip.example.com", numbers: ["+14155550100"] };
const rule = { rule: { type: "direct", roomName: "lobby" } };
/** Marks a property to leave out (the wire format has no undefined). */
const absent = Symbol("absent");
const withoutAbsent = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).filter(([, v]) => v !== absent));
const base: Record<ResourceType, Record<string, unknown>> = { InboundTrunk: inbound, OutboundTrunk: outbound, DispatchRule: rule, PhoneNumber: { phoneNumber: "+14155550100" } };

const badNumbers: [string, string, RegExp][] = [
  ["no country code", "14155550100", /has no country code; write it in E\.164 form starting with \+, e\.g\. \+114155550100/],
  ["letters", "+1415555ABCD", /"\+1415555ABCD" is not a phone number; write it in E\.164 form/],
  ["too short", "+123", /"\+123" is not a possible phone number/],
  ["impossible for its country", "+15550100", /"\+15550100" is not a possible phone number/],
  ["not valid in its country", "+861234567", /is not a (valid|possible)/],
  ["fullwidth look-alike digits", "+１４１５５５５０１００", /contains U\+FF11 "１"; type the number with ASCII digits/],
  ["a control character", "+1415555\u00000100", /contains U\+0000/],
  ["empty", "", /"" is not a phone number/],
  ["an extension suffix", "+1 415 555 0100 ext 5", /is not a phone number/],
  ["a SIP URI", "sip:+14155550100@carrier.com", /is not a phone number/],
];
const numberFields: [ResourceType, string][] = [
  ["InboundTrunk", "numbers"],
  ["InboundTrunk", "allowedNumbers"],
  ["OutboundTrunk", "numbers"],
  ["DispatchRule", "numbers"],
  ["DispatchRule", "inboundNumbers"],
];

const cases: Case[] = [
  ...numberFields.flatMap(([type, field]) =>
    badNumbers.map(([what, value, message]): Case => [`${type}.${field}: ${what}`, type, { ...base[type], [field]: [value] }, `${field}[0]`, message]),
  ),
  ...numberFields.map(([type, field]): Case => [
    `${type}.${field}: the same number twice, spelled differently`,
    type,
    { ...base[type], [field]: ["+14155550100", "+1 (415) 555-0100"] },
    `${field}[1]`,
    /is the same number as entry 0 \("\+14155550100"\); list it once/,
  ]),

  ...(
    [
      ["17 digits", "12345678901234567", /longer than 16 digits/],
      ["a #", "12#4", /contains #, which ends pin entry/],
      ["lower-case DTMF letters", "abcd", /lower-case letters; DTMF keys are A, B, C and D/],
      ["a space", "12 34", /characters a phone keypad cannot send/],
      ["fullwidth digits", "１２３", /characters a phone keypad cannot send/],
      ["only #", "#", /contains #/],
    ] as [string, string, RegExp][]
  ).flatMap(([what, pin, message]): Case[] => [
    [`direct rule pin with ${what}`, "DispatchRule", { rule: { type: "direct", roomName: "r", pin } }, "rule.pin", message],
    [`callee rule pin with ${what}`, "DispatchRule", { rule: { type: "callee", roomPrefix: "c", pin } }, "rule.pin", message],
  ]),

  ...(
    [
      ["opus", { codecs: [{ name: "opus", rate: 48000 }] }, "media.codecs[0].name", /opus is not a SIP codec in LiveKit .* use G722/],
      ["OPUS in capitals", { codecs: [{ name: "OPUS" }] }, "media.codecs[0].name", /opus is not a SIP codec/],
      ["speex", { codecs: [{ name: "speex" }] }, "media.codecs[0].name", /"speex" is not a codec LiveKit's SIP service can negotiate; use one of PCMU, PCMA, G722, telephone-event, AMR-WB/],
      ["G729", { codecs: [{ name: "G729" }] }, "media.codecs[0].name", /"G729" is not a codec/],
      ["name with rate", { codecs: [{ name: "PCMU/8000" }] }, "media.codecs[0].name", /"PCMU\/8000" is not a codec/],
      ["empty codec name", { codecs: [{ name: "" }] }, "media.codecs[0].name", /"" is not a codec/],
      ["PCMU at 16 kHz", { codecs: [{ name: "PCMU", rate: 16000 }] }, "media.codecs[0].name", /PCMU is offered at 8000 Hz in SDP; set rate 8000 or leave it out/],
      ["G722 at 16 kHz", { codecs: [{ name: "G722", rate: 16000 }] }, "media.codecs[0].name", /its RTP clock is 8000/],
      ["onlyListedCodecs without codecs", { onlyListedCodecs: true }, "media.codecs", /no codecs are listed: every call would fail/],
      ["a codec without a name", { codecs: [{ rate: 8000 }] }, "media.codecs[0].name", /expected a string, got nothing/],
      ["a negative media timeout", { mediaTimeout: -1 }, "media.mediaTimeout", /must be at least 0/],
      ["a media timeout over 10 minutes", { mediaTimeout: 601 }, "media.mediaTimeout", /must be at most 600/],
      ["an unknown encryption", { encryption: "srtp" }, "media.encryption", /must be one of "disable", "allow", "require", got the string "srtp"/],
    ] as [string, Record<string, unknown>, string, RegExp][]
  ).map(([what, media, property, message]): Case => [`media: ${what}`, "InboundTrunk", { ...inbound, media }, property, message]),
  ["rule media: opus", "DispatchRule", { ...rule, media: { codecs: [{ name: "opus" }] } }, "media.codecs[0].name", /opus is not a SIP codec/],
  ["outbound media: onlyListedCodecs without codecs", "OutboundTrunk", { ...outbound, media: { onlyListedCodecs: true, codecs: [] } }, "media.codecs", /no codecs are listed/],

  ...(
    [
      ["a prefix longer than 32", "10.0.0.0/33", /is not a valid CIDR range/],
      ["an octet over 255", "256.1.1.1", /is not a valid IPv4 address/],
      ["three octets", "1.2.3", /is not a valid IPv4 address/],
      ["brackets", "[::1]", /is bracketed, which never matches; write the IPv6 address without brackets/],
      ["a SIP URI", "sip:192.0.2.1", /is a URI; write only the IP address, CIDR range or hostname/],
      ["a trailing space", "192.0.2.1 ", /contains white space, so LiveKit would ignore it/],
      ["two addresses in one entry", "192.0.2.1,192.0.2.2", /contains one of \( \) \+ \* ; , so LiveKit would ignore it/],
      ["a wildcard", "*", /contains one of \( \) \+ \* ; ,/],
      ["an http URL", "http://carrier.example.com", /is a URI/],
      ["a space inside a hostname", "carrier example.com", /contains white space/],
      ["a hostname label starting with -", "-bad-.example.com", /is not an IP address, CIDR range or hostname/],
      ["a dangling slash", "192.0.2.0/", /is not a valid CIDR range/],
    ] as [string, string, RegExp][]
  ).map(([what, entry, message]): Case => [`allowedAddresses: ${what}`, "InboundTrunk", { ...inbound, allowedAddresses: [entry] }, "allowedAddresses[0]", message]),

  ...(
    [
      ["an empty header name", { headers: { "": "x" } }, "headers.", /header name cannot be empty/],
      ["From, which LiveKit sets", { headers: { From: "x" } }, "headers.From", /header name From not supported/],
      ["Call-ID", { headers: { "Call-ID": "x" } }, "headers.Call-ID", /header name Call-ID not supported/],
      ["a short-form name", { headers: { m: "x" } }, "headers.m", /header name m not supported/],
      ["a space in a header name", { headers: { "X Bad": "v" } }, "headers.X Bad", /header name X Bad contains invalid characters: char 32 not allowed/],
      ["a line break in a header value", { headers: { "X-Ok": "a\r\nInjected: 1" } }, "headers.X-Ok", /header X-Ok: value: char 13 not allowed/],
      ["a header value over 1024 bytes", { headers: { "X-Long": "x".repeat(1025) } }, "headers.X-Long", /value too long \(max 1024 characters\)/],
      ["a non-ASCII header name", { headers: { "X-Аccount": "1" } }, "headers.X-Аccount", /out of range/],
      ["a bad header name in headersToAttributes", { headersToAttributes: { "Bad Header": "a" } }, "headersToAttributes.Bad Header", /contains invalid characters/],
      ["an empty attribute name in headersToAttributes", { headersToAttributes: { "X-A": "" } }, "headersToAttributes.X-A", /attribute name must not be empty/],
      ["a bad header name in attributesToHeaders", { attributesToHeaders: { a: "Bad:Name" } }, "attributesToHeaders.a", /contains invalid characters: char 58 not allowed/],
      ["an empty attribute in attributesToHeaders", { attributesToHeaders: { "": "X-A" } }, "attributesToHeaders.", /attribute name must not be empty/],
      ["a reserved JavaScript key", { attributesToHeaders: { constructor: "X-B" } }, "attributesToHeaders.constructor", /reserved JavaScript property name/],
    ] as [string, Record<string, unknown>, string, RegExp][]
  ).map(([what, maps, property, message]): Case => [`headers: ${what}`, "InboundTrunk", { ...inbound, ...maps }, property, message]),

  ...(
    [
      ["an empty address", { address: "" }, "address", /needs the provider's host, e.g\. sip\.example\.com/],
      ["a SIP URI address", { address: "sip:carrier.example.com" }, "address", /is a SIP URI; write only the host/],
      ["a user part", { address: "trunk@carrier.example.com" }, "address", /has a user part; write only the host/],
      ["a transport parameter", { address: "carrier.example.com;transport=tls" }, "address", /has a transport parameter; remove it and set `transport` instead/],
      ["port 70000", { address: "carrier.example.com:70000" }, "address", /has port 70000; ports are 1 to 65535/],
      ["port 0", { address: "carrier.example.com:0" }, "address", /has port 0/],
      ["a space in the host", { address: "carrier .example.com" }, "address", /is not a valid address/],
      ["an unclosed IPv6 bracket", { address: "[2001:db8::1:5060" }, "address", /is not a host or host:port|is not a valid address/],
      ["no address at all", { address: absent }, "address", /expected a string, got nothing \(the property is required\)/],
      ["UK instead of GB", { destinationCountry: "UK" }, "destinationCountry", /"UK" is not an ISO 3166-1 code; use GB/],
      ["a three-letter country", { destinationCountry: "USA" }, "destinationCountry", /"USA" is not an ISO 3166-1 alpha-2 country code/],
      ["a digit country", { destinationCountry: "12" }, "destinationCountry", /"12" is not an ISO 3166-1 alpha-2/],
      ["a SIP URI from host", { fromHost: "sip:calls.example.com" }, "fromHost", /is a SIP URI/],
      ["an upper-case transport", { transport: "TLS" }, "transport", /must be one of "auto", "udp", "tcp", "tls", got the string "TLS"/],
      ["websocket transport", { transport: "websocket" }, "transport", /must be one of "auto", "udp", "tcp", "tls"/],
      ["Krisp on an outbound trunk", { krispEnabled: true }, "krispEnabled", /outbound trunks have no Krisp setting: LiveKit turns Krisp on per outbound call/],
      ["no numbers", { numbers: [] }, "numbers", /needs at least one number to call from/],
      ["a username without a password", { authUsername: "u" }, "authPassword", /authUsername is set without authPassword: LiveKit could not answer the provider's authentication challenge/],
    ] as [string, Record<string, unknown>, string, RegExp][]
  ).map(([what, changes, property, message]): Case => [`outbound: ${what}`, "OutboundTrunk", { ...outbound, ...changes }, property, message]),

  ...(
    [
      ["a ringing timeout of 0", { ringingTimeout: 0 }, "ringingTimeout", /must be at least 1/],
      ["a negative ringing timeout", { ringingTimeout: -5 }, "ringingTimeout", /must be at least 1/],
      ["a ringing timeout over 10 minutes", { ringingTimeout: 601 }, "ringingTimeout", /must be at most 600/],
      ["a ringing timeout as a duration string", { ringingTimeout: "30s" }, "ringingTimeout", /expected a number, got the string "30s"/],
      ["a max call duration over 24 hours", { maxCallDuration: 86_401 }, "maxCallDuration", /must be at most 86400/],
      ["a max call duration of 0", { maxCallDuration: 0 }, "maxCallDuration", /must be at least 1/],
      ["an unrestricted trunk", { numbers: [], allowedAddresses: [] }, "numbers", /must be restricted: set numbers, allowedAddresses, or authUsername and authPassword; otherwise it accepts calls from anyone/],
      ["a username without a password", { authUsername: "carrier" }, "authPassword", /authUsername is set without authPassword: LiveKit would accept calls without authentication/],
      ["a password without a username", { authPassword: "secret-pass" }, "authUsername", /authPassword is set without authUsername/],
      ["only a username, nothing else", { numbers: [], allowedAddresses: [], authUsername: "u" }, "numbers", /must be restricted/],
      ["an unknown includeHeaders", { includeHeaders: "x" }, "includeHeaders", /must be one of "none", "x-headers", "all"/],
      ["a name with a line break", { name: "main\ntrunk" }, "name", /contains U\+000A \(line feed\) at position 5; control, line-separator and bidirectional characters are not allowed here/],
      ["a 300-character name", { name: "n".repeat(300) }, "name", /is longer than 256 characters/],
      ["metadata over 64 KiB", { metadata: "m".repeat(70_000) }, "metadata", /is longer than 65536 characters/],
      ["a typo: numbres", { numbres: ["+14155550100"] }, "numbres", /unknown property "numbres": did you mean "numbers"\?/],
      ["a typo: allowedAdresses", { allowedAdresses: ["192.0.2.1"] }, "allowedAdresses", /did you mean "allowedAddresses"\?/],
      ["a typo: authUser", { authUser: "u" }, "authUser", /unknown property "authUser"/],
      ["krisp as a string", { krispEnabled: "yes" }, "krispEnabled", /expected a boolean, got the string "yes"/],
      ["numbers as one string", { numbers: "+14155550100" }, "numbers", /expected a list, got the string/],
    ] as [string, Record<string, unknown>, string, RegExp][]
  ).map(([what, changes, property, message]): Case => [`inbound: ${what}`, "InboundTrunk", { ...inbound, ...changes }, property, message]),

  ...(
    [
      ["no rule", { rule: absent }, "rule", /expected an object, got nothing \(the property is required\)/],
      ["an unknown rule type", { rule: { type: "conference", roomName: "x" } }, "rule.type", /must be one of "direct", "individual", "callee", got the string "conference"/],
      ["a direct rule without a room", { rule: { type: "direct" } }, "rule.roomName", /expected a string, got nothing/],
      ["a room prefix on a direct rule", { rule: { type: "direct", roomName: "x", roomPrefix: "p" } }, "rule.roomPrefix", /unknown property "roomPrefix"/],
      ["a trunk name instead of an ID", { trunkIds: ["main-trunk"] }, "trunkIds[0]", /is not an inbound trunk ID \(ST_…\); pass the trunk's sipTrunkId output/],
      ["trunkIds as one string", { trunkIds: "ST_abcdefghijkm" }, "trunkIds", /expected a list/],
      ["hidePhoneNumber as a string", { hidePhoneNumber: "yes" }, "hidePhoneNumber", /expected a boolean/],
      ["a typo in an agent", { roomConfig: { agents: [{ agentName: "x", agentNmae: "x" }] } }, "roomConfig.agents[0].agentNmae", /did you mean "agentName"\?/],
      ["an empty agent name", { roomConfig: { agents: [{ agentName: "" }] } }, "roomConfig.agents[0].agentName", /is empty: give the agent_name the agent registered with/],
      ["an agent without a name", { roomConfig: { agents: [{ metadata: "{}" }] } }, "roomConfig.agents[0].agentName", /required|missing/i],
      ["an unknown restart policy", { roomConfig: { agents: [{ agentName: "a", restartPolicy: "always" }] } }, "roomConfig.agents[0].restartPolicy", /must be one of "on-failure", "never"/],
      ["a negative participant limit", { roomConfig: { maxParticipants: -1 } }, "roomConfig.maxParticipants", /must be at least 0/],
      ["a fractional empty timeout", { roomConfig: { emptyTimeout: 1.5 } }, "roomConfig.emptyTimeout", /expected a int|expected an? int/],
      ["an invalid egress message", { roomConfig: { egress: { room: { audioOnly: "yes" } } } }, "roomConfig.egress", /not a valid LiveKit message/],
      ["a reserved attribute name", { attributes: { __proto__x: "ok", prototype: "x" } }, "attributes.prototype", /reserved JavaScript property name/],
      ["a typo: trunkIDs", { trunkIDs: [] }, "trunkIDs", /did you mean "trunkIds"\?/],
    ] as [string, Record<string, unknown>, string, RegExp][]
  ).map(([what, changes, property, message]): Case => [`rule: ${what}`, "DispatchRule", { ...rule, ...changes }, property, message]),

  ["adoptId: a rule's ID on a trunk", "InboundTrunk", { ...inbound, adoptId: "SDR_abc123" }, "adoptId", /"SDR_abc123" is not a LiveKit inbound trunk ID: it must look like ST_/],
  ["adoptId: a trunk's ID on a rule", "DispatchRule", { ...rule, adoptId: "ST_abc123" }, "adoptId", /is not a LiveKit dispatch rule ID: it must look like SDR_/],
  ["adoptId: a URL on a phone number", "PhoneNumber", { phoneNumber: "+14155550100", adoptId: "https://x" }, "adoptId", /must be the number's ID or the number itself/],
  ["allowNonE164Numbers: a string", "InboundTrunk", { ...inbound, allowNonE164Numbers: "yes" }, "allowNonE164Numbers", /must be true or false/],
];

let env: HostAndEmulator;
beforeAll(async () => {
  env = await startHostAndEmulator();
});
afterAll(() => env?.close());

describe("bad input is refused at preview with its property and a message that says how to fix it", () => {
  it("has at least 120 cases", () => expect(cases.length).toBeGreaterThanOrEqual(120));

  it.each(cases)("%s", async (_, type, args, property, message) => {
    const result = await env.host.check(env.urn(type, "bad"), {}, { ...withoutAbsent(args), __resourceName: "bad", __provider: await env.providerText(type) });
    const failure = result.failures.find((f) => f.property === property);
    expect({ property: failure?.property, failures: result.failures }).toEqual(expect.objectContaining({ property }));
    expect(failure!.reason).toMatch(message);
  });

  it.each(cases)("the review tools report what preview reports: %s", async (_, type, args) => {
    // plan, diff and simulate check what a source declares with checkDesired; preview asks the host.
    const news = { ...withoutAbsent(args), __resourceName: "bad", __provider: await env.providerText(type) };
    const preview = await env.host.check(env.urn(type, "bad"), {}, news);
    const { adoptId, allowNonE164Numbers, ...declared } = withoutAbsent(args);
    const review = checkDesired([{ type, name: "bad", args: declared, adoptId: adoptId as string | undefined, allowNonE164Numbers: allowNonE164Numbers as boolean | undefined }]);
    expect(review.failures).toEqual(preview.failures.map((f) => `${type} "bad": ${f.property ? `${f.property}: ` : ""}${f.reason}`));
  });

  it("sent nothing to LiveKit for any of them", () => {
    expect(env.emulator.stats().total).toBe(0);
  });
});
