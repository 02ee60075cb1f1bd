import { dispatchRuleWithoutAgent, inboundTrunkOpen, outboundTrunkUnencrypted, wildcardRuleWithoutPin, UnknownValue } from "../../src/policy";
import { messages, resource, unknown } from "./support";

/** The resource-level policies' logic, without the CLI: what fires, what passes, and what waits for a value unknown in preview. */

describe("livekit-inbound-trunk-open", () => {
  const check = (props: Parameters<typeof resource>[2]) => inboundTrunkOpen.check(resource("InboundTrunk", "carrier", props), {});

  it("fires on a trunk with neither allowed addresses nor authentication, naming the trunk and both fixes", () => {
    const [message] = messages(check({ numbers: ["+14155550100"] }));
    expect(message).toMatch(/^InboundTrunk "carrier" accepts calls from every address without authentication/);
    expect(message).toMatch(/Fix: set allowedAddresses .* or set authUsername and authPassword/);
  });

  it("passes a trunk restricted to its carrier's addresses, or one that authenticates callers", () => {
    expect(check({ allowedAddresses: ["54.172.60.0/30"] }).findings).toEqual([]);
    expect(check({ authUsername: "carrier", authPassword: "s3cret" }).findings).toEqual([]);
  });

  it("does not count caller numbers, a user name without a password, or address entries LiveKit ignores", () => {
    expect(messages(check({ allowedNumbers: ["+14155550199"] }))).toHaveLength(1);
    expect(messages(check({ authUsername: "carrier" }))).toHaveLength(1);
    expect(messages(check({ allowedAddresses: ["https://carrier.example.com", "192.0.2.1, 192.0.2.2"] }))[0]).toMatch(/LiveKit ignores every allowedAddresses entry given/);
  });

  it("waits for an unknown password only when the verdict depends on it", () => {
    const pending = check({ authUsername: "carrier", authPassword: unknown("authPassword") });
    expect(pending.findings).toEqual([]);
    expect(pending.undetermined).toBeInstanceOf(UnknownValue);
    expect(pending.undetermined?.path).toBe("authPassword");
    expect(check({ allowedAddresses: ["192.0.2.1"], authPassword: unknown("authPassword") })).toEqual({ findings: [] });
    // A known empty user name settles it: no authentication, whatever the password turns out to be.
    expect(messages(check({ authPassword: unknown("authPassword") }))).toHaveLength(1);
  });
});

describe("livekit-outbound-trunk-unencrypted", () => {
  const defaults = outboundTrunkUnencrypted.config.defaults;
  const check = (props: Parameters<typeof resource>[2], config = defaults) => outboundTrunkUnencrypted.check(resource("OutboundTrunk", "dialer", props), config);
  const base = { address: "sip.example.com", numbers: ["+14155550100"] };

  it("fires once for a trunk left at LiveKit's defaults, naming both problems and both fixes", () => {
    const [message, ...rest] = messages(check(base));
    expect(rest).toEqual([]);
    expect(message).toMatch(/^OutboundTrunk "dialer" sends SIP signalling over .* instead of TLS, and sends call audio unencrypted/);
    expect(message).toMatch(/Fix: set transport: "tls".*; set media: \{ encryption: "require" \}/);
  });

  it("passes TLS with media encryption allowed or required, in argument or LiveKit wire form", () => {
    expect(check({ ...base, transport: "tls", media: { encryption: "allow" } }).findings).toEqual([]);
    expect(check({ ...base, transport: "SIP_TRANSPORT_TLS", media: { encryption: "SIP_MEDIA_ENCRYPT_REQUIRE" } }).findings).toEqual([]);
    expect(check({ ...base, transport: "tls", mediaEncryption: "SIP_MEDIA_ENCRYPT_ALLOW" }).findings).toEqual([]);
  });

  it("names the transport used, and follows its configuration", () => {
    expect(messages(check({ ...base, transport: "udp", media: { encryption: "require" } }))[0]).toMatch(/over UDP instead of TLS/);
    expect(check({ ...base, transport: "udp", media: { encryption: "allow" } }, { requireTls: false, minimumMediaEncryption: "allow" }).findings).toEqual([]);
    const strict = messages(check({ ...base, transport: "tls", media: { encryption: "allow" } }, { requireTls: true, minimumMediaEncryption: "require" }));
    expect(strict[0]).toMatch(/only allows media encryption .* requires "require".*Fix: set media: \{ encryption: "require" \}\.$/);
  });

  it("reports what it knows and waits for what it does not", () => {
    const verdict = check({ ...base, transport: unknown("transport") });
    expect(messages(verdict)[0]).toMatch(/unencrypted/);
    expect(messages(verdict)[0]).not.toMatch(/TLS/);
    expect(verdict.undetermined?.path).toBe("transport");
  });
});

describe("livekit-dispatch-rule-without-agent", () => {
  const defaults = dispatchRuleWithoutAgent.config.defaults;
  const check = (props: Parameters<typeof resource>[2], config = defaults) => dispatchRuleWithoutAgent.check(resource("DispatchRule", "reception", props), config);
  const rule = { type: "individual", roomPrefix: "call" };

  it("fires on a rule with no roomConfig or no agents, naming the rule and the fix", () => {
    expect(messages(check({ rule }))[0]).toMatch(/^DispatchRule "reception" dispatches no agent.*Fix: add roomConfig: \{ agents: \[\{ agentName/);
    expect(messages(check({ rule, roomConfig: { agents: [] } }))).toHaveLength(1);
  });

  it("passes a rule dispatching an agent, even one whose name is not known yet", () => {
    expect(check({ rule, roomConfig: { agents: [{ agentName: "receptionist" }] } }).findings).toEqual([]);
    expect(check({ rule, roomConfig: { agents: [unknown("roomConfig.agents[0]")] } })).toEqual({ findings: [] });
  });

  it("trusts room presets unless configured not to", () => {
    expect(check({ rule, roomPreset: "receptionist" }).findings).toEqual([]);
    expect(messages(check({ rule, roomPreset: "receptionist" }, { trustRoomPresets: false }))).toHaveLength(1);
  });

  it("waits for an unknown roomConfig", () => {
    expect(check({ rule, roomConfig: unknown("roomConfig") }).undetermined?.path).toBe("roomConfig");
  });
});

describe("livekit-wildcard-rule-without-pin", () => {
  const check = (props: Parameters<typeof resource>[2]) => wildcardRuleWithoutPin.check(resource("DispatchRule", "catch-all", props), {});

  it("fires on a rule with no trunkIds, no numbers and no pin, naming the rule and the fixes", () => {
    const [message] = messages(check({ rule: { type: "direct", roomName: "lobby" } }));
    expect(message).toMatch(/^DispatchRule "catch-all" applies to every trunk and every number .* asks for no pin/);
    expect(message).toMatch(/Fix: set trunkIds .* or set rule\.pin/);
    expect(messages(check({ rule: { dispatchRuleIndividual: { roomPrefix: "call" } }, trunkIds: [] }))).toHaveLength(1);
  });

  it("passes a rule scoped to trunks or numbers, or one that asks for a pin (either form of rule)", () => {
    expect(check({ rule: { type: "direct", roomName: "lobby" }, trunkIds: [unknown("trunkIds[0]")] }).findings).toEqual([]);
    expect(check({ rule: { type: "direct", roomName: "lobby" }, numbers: ["+14155550100"] }).findings).toEqual([]);
    expect(check({ rule: { type: "direct", roomName: "lobby", pin: "1234" } }).findings).toEqual([]);
    expect(check({ rule: { dispatchRuleDirect: { roomName: "lobby", pin: "1234" } } }).findings).toEqual([]);
  });

  it("waits for unknown trunkIds or an unknown pin when they decide", () => {
    expect(check({ rule: { type: "direct", roomName: "lobby" }, trunkIds: unknown("trunkIds") }).undetermined?.path).toBe("trunkIds");
    expect(check({ rule: { type: "direct", roomName: "lobby", pin: unknown("rule.pin") } }).undetermined?.path).toBe("rule.pin");
    expect(check({ rule: { type: "direct", roomName: "lobby", pin: unknown("rule.pin") }, numbers: ["+14155550100"] })).toEqual({ findings: [] });
  });
});
