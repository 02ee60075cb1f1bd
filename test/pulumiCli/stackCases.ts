import type { ResourceKind } from "../../src/emulator";
import { exampleProject, rootProject, type ProjectSource } from "./pulumiCli";
import { pythonExample, yamlExample } from "./languageProjects";
import { parse } from "yaml";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Every stack of the repository, for the real-engine lifecycle: the root project's dev and prod
 * stacks and each example, with the secrets `pulumi config set --secret` gives them, one config
 * edit that must update in place, what LiveKit must hold after `up`, and an out-of-band edit.
 */
export interface StackCase {
  name: string;
  source: () => ProjectSource;
  stack: string;
  /** Set with `pulumi config set --secret`, beside livekit:apiSecret. */
  secrets: Record<string, string>;
  /** Stack config edits for the update step, and the resource types that must then be updated. */
  change: Record<string, unknown>;
  updated: string[];
  /** What LiveKit must hold after the first `up`, per kind, in LiveKit's snake_case JSON. */
  expected: (outputs: Record<string, any>) => Partial<Record<ResourceKind, Record<string, unknown>[]>>;
  /** An out-of-band edit for the refresh step, and the output it must show as drifted. */
  drift: { kind: ResourceKind; wire: Record<string, unknown>; field: string };
  /** The type tokens of our resources in the stack: the dynamic resources' unless said otherwise. */
  types?: RegExp;
}

const root = join(__dirname, "..", "..");
const rootSpec = (stack: string) => parse(readFileSync(join(root, `Pulumi.${stack}.yaml`), "utf8")).config["livekit-telephony:telephony"];

/** The dev spec with a new room prefix and agent on the rule and Krisp on the trunk. */
function changedDevSpec() {
  const spec = rootSpec("dev");
  spec.dispatchRules.reception.rule.roomPrefix = "dev-reception";
  spec.dispatchRules.reception.roomConfig.agents[0].agentName = "receptionist-v2";
  spec.inboundTrunks.main.krispEnabled = true;
  return spec;
}

/** The prod spec with the staff line's pin changed. */
function changedProdSpec() {
  const spec = rootSpec("prod");
  spec.dispatchRules.staff.rule.pin = "8765";
  return spec;
}

export const rootCases: StackCase[] = [
  {
    name: "root-dev",
    source: () => rootProject("dev"),
    stack: "dev",
    secrets: { "livekit-telephony:devTrunkPassword": "dev-trunk-password" },
    change: { "livekit-telephony:telephony": changedDevSpec() },
    updated: ["DispatchRule", "InboundTrunk"],
    expected: (out) => ({
      inboundTrunk: [
        {
          sip_trunk_id: out.inboundTrunkIds.main,
          name: "Dev inbound (emulator)",
          numbers: ["+14155550100"],
          allowed_addresses: ["127.0.0.1"],
          auth_username: "dev-trunk",
          auth_password: "dev-trunk-password",
          krisp_enabled: false,
        },
      ],
      outboundTrunk: [
        { sip_trunk_id: out.outboundTrunkIds.dialer, name: "Dev outbound (emulator)", address: "127.0.0.1:5060", transport: "SIP_TRANSPORT_UDP", numbers: ["+14155550100"] },
      ],
      dispatchRule: [
        {
          sip_dispatch_rule_id: out.dispatchRuleIds.reception,
          name: "Dev receptionist",
          trunk_ids: [out.inboundTrunkIds.main],
          rule: { dispatch_rule_individual: { room_prefix: "dev-call", pin: "", no_randomness: false } },
          room_config: expect.objectContaining({ agents: [expect.objectContaining({ agent_name: "receptionist-dev" })] }),
        },
      ],
    }),
    drift: { kind: "dispatchRule", wire: { name: "renamed in the dashboard" }, field: "name" },
  },
  {
    name: "root-prod",
    source: () => rootProject("prod"),
    stack: "prod",
    secrets: { "livekit-telephony:twilioTrunkPassword": "twilio-prod-password" },
    change: { "livekit-telephony:telephony": changedProdSpec() },
    updated: ["DispatchRule"],
    expected: (out) => ({
      inboundTrunk: [
        {
          sip_trunk_id: out.inboundTrunkIds.main,
          name: "Twilio inbound",
          numbers: ["+14155550100", "+14155550101"],
          allowed_addresses: ["54.172.60.0/30", "54.244.51.0/30"],
          auth_username: "livekit-prod",
          auth_password: "twilio-prod-password",
          krisp_enabled: true,
          media: expect.objectContaining({ codecs: [{ name: "G722", rate: 0 }, { name: "PCMU", rate: 0 }], encryption: "SIP_MEDIA_ENCRYPT_ALLOW" }),
        },
      ],
      outboundTrunk: [
        {
          sip_trunk_id: out.outboundTrunkIds.dialer,
          address: "example-prod.pstn.twilio.com",
          transport: "SIP_TRANSPORT_TLS",
          destination_country: "US",
          auth_password: "twilio-prod-password",
          media: expect.objectContaining({ encryption: "SIP_MEDIA_ENCRYPT_REQUIRE" }),
        },
      ],
      dispatchRule: expect.arrayContaining([
        expect.objectContaining({ sip_dispatch_rule_id: out.dispatchRuleIds.reception, numbers: ["+14155550100"], krisp_enabled: true }),
        expect.objectContaining({
          sip_dispatch_rule_id: out.dispatchRuleIds.staff,
          numbers: ["+14155550101"],
          rule: { dispatch_rule_direct: { room_name: "staff-line", pin: "4321" } },
        }),
      ]) as never,
    }),
    drift: { kind: "outboundTrunk", wire: { address: "sip.elsewhere.example.com" }, field: "address" },
  },
];

export const exampleCases: StackCase[] = [
  {
    name: "inbound-receptionist",
    source: () => exampleProject("inbound-receptionist"),
    stack: "dev",
    secrets: { "inbound-receptionist:trunkPassword": "twilio-password" },
    change: { "inbound-receptionist:agentName": "receptionist-v2" },
    updated: ["DispatchRule"],
    expected: (out) => ({
      inboundTrunk: [
        {
          sip_trunk_id: out.trunkId,
          name: "Twilio inbound",
          numbers: ["+14155550100"],
          allowed_addresses: ["54.172.60.0/30", "54.244.51.0/30"],
          auth_username: "livekit",
          auth_password: "twilio-password",
          krisp_enabled: true,
          media: expect.objectContaining({ codecs: [{ name: "G722", rate: 0 }, { name: "PCMU", rate: 0 }] }),
        },
      ],
      dispatchRule: [
        {
          sip_dispatch_rule_id: out.dispatchRuleId,
          trunk_ids: [out.trunkId],
          rule: { dispatch_rule_individual: { room_prefix: "call", pin: "", no_randomness: false } },
          krisp_enabled: true,
          room_config: expect.objectContaining({
            agents: [expect.objectContaining({ agent_name: "receptionist-dev", metadata: '{"greeting":"Thanks for calling!"}' })],
          }),
        },
      ],
    }),
    drift: { kind: "inboundTrunk", wire: { krisp_enabled: false }, field: "krispEnabled" },
  },
  {
    name: "outbound-calling",
    source: () => exampleProject("outbound-calling"),
    stack: "dev",
    secrets: { "outbound-calling:trunkPassword": "telnyx-password" },
    change: { "outbound-calling:callerIds": ["+14155550123", "+14155550124"] },
    updated: ["OutboundTrunk"],
    expected: (out) => ({
      outboundTrunk: [
        {
          sip_trunk_id: out.outboundTrunkId,
          address: "sip.telnyx.com:5061",
          transport: "SIP_TRANSPORT_TLS",
          destination_country: "US",
          numbers: ["+14155550123"],
          auth_username: "livekit-dialer",
          auth_password: "telnyx-password",
          media: expect.objectContaining({ encryption: "SIP_MEDIA_ENCRYPT_REQUIRE" }),
        },
      ],
    }),
    drift: { kind: "outboundTrunk", wire: { address: "sip.other.example.com" }, field: "address" },
  },
  {
    name: "conference-lines",
    source: () => exampleProject("conference-lines"),
    stack: "dev",
    secrets: {},
    change: { "conference-lines:lines": { sales: { pin: "1111", room: "sales-standup" }, engineering: { pin: "3333", room: "eng-sync" } } },
    updated: ["DispatchRule"],
    expected: (out) => ({
      inboundTrunk: [{ sip_trunk_id: out.dialInTrunkId, numbers: ["+14155550150"], allowed_addresses: ["192.0.2.0/24"] }],
      dispatchRule: expect.arrayContaining([
        expect.objectContaining({ trunk_ids: [out.dialInTrunkId], rule: { dispatch_rule_direct: { room_name: "sales-standup", pin: "1111" } } }),
        expect.objectContaining({ trunk_ids: [out.dialInTrunkId], rule: { dispatch_rule_direct: { room_name: "eng-sync", pin: "2222" } } }),
      ]) as never,
    }),
    drift: { kind: "dispatchRule", wire: { name: "renamed" }, field: "name" },
  },
  {
    name: "phone-number-rule",
    source: () => exampleProject("phone-number-rule"),
    stack: "dev",
    secrets: {},
    change: { "phone-number-rule:agentName": "support-agent-v2" },
    updated: ["DispatchRule"],
    expected: (out) => ({
      dispatchRule: [
        {
          sip_dispatch_rule_id: out.dispatchRuleId,
          trunk_ids: [],
          numbers: ["+14155550199"],
          attributes: { line: "support" },
          rule: { dispatch_rule_individual: { room_prefix: "support", pin: "", no_randomness: false } },
          room_config: expect.objectContaining({ agents: [expect.objectContaining({ agent_name: "support-agent-dev" })] }),
        },
      ],
    }),
    drift: { kind: "dispatchRule", wire: { hide_phone_number: true }, field: "hidePhoneNumber" },
  },
  {
    name: "phone-number-agent",
    source: () => exampleProject("phone-number-agent"),
    stack: "dev",
    secrets: {},
    change: { "phone-number-agent:agentName": "phone-agent-v2" },
    updated: ["DispatchRule"],
    expected: (out) => ({
      dispatchRule: [
        {
          sip_dispatch_rule_id: out.dispatchRuleId,
          trunk_ids: [],
          attributes: { line: "agent" },
          room_config: expect.objectContaining({ agents: [expect.objectContaining({ agent_name: "phone-agent-dev" })] }),
        },
      ],
      phoneNumber: [
        { id: out.phoneNumberId, e164_format: "+14155550100", status: "PHONE_NUMBER_STATUS_ACTIVE", sip_dispatch_rule_ids: [out.dispatchRuleId] },
      ],
    }),
    drift: { kind: "dispatchRule", wire: { name: "renamed in the dashboard" }, field: "name" },
  },
];

/**
 * The inbound receptionist again in Python (the generated SDK, sdk/python) and Pulumi YAML, through
 * the native provider: the same config, the same objects in LiveKit as the TypeScript example.
 */
function receptionistInLanguage(name: string, source: () => ProjectSource): StackCase {
  const inbound = exampleCases.find((c) => c.name === "inbound-receptionist")!;
  return {
    ...inbound,
    name,
    source,
    secrets: { [`${name}:trunkPassword`]: "twilio-password" },
    change: { [`${name}:agentName`]: "receptionist-v2" },
    types: /^livekit:index:/,
  };
}

export const languageCases: StackCase[] = [
  receptionistInLanguage("python-receptionist", () => pythonExample("python-receptionist")),
  receptionistInLanguage("yaml-receptionist", () => yamlExample("yaml-receptionist")),
];

export const allCases = [...rootCases, ...exampleCases];
