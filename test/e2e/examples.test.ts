import { join } from "node:path";
import { startEmulator, type ResourceKind, type RunningEmulator } from "../../provider/emulator";
import { MiniEngine } from "../harness/engine";
import { preparePackedProject } from "../harness/fixtureProject";
import { programFromFile } from "../harness/program";
import { stackConfig } from "../support/stackConfig";

interface Example {
  dir: string;
  secrets: Record<string, string>;
  /** Stack config changes for the second `up`, and the types that must then be updated. */
  change: Record<string, unknown>;
  updated: string[];
  /** What LiveKit must hold after the first `up`, per kind, in LiveKit's snake_case JSON. */
  expected: (outputs: Record<string, any>) => Partial<Record<ResourceKind, Record<string, unknown>[]>>;
  /** An out-of-band edit for the refresh step. */
  drift: { kind: ResourceKind; wire: Record<string, unknown>; field: string };
}

const examples: Example[] = [
  {
    dir: "inbound-receptionist",
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
    dir: "outbound-calling",
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
    dir: "conference-lines",
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
    dir: "phone-number-rule",
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
];

const root = join(__dirname, "..", "..");
const kinds: ResourceKind[] = ["inboundTrunk", "outboundTrunk", "dispatchRule"];
const mutating = <S extends { op: string; type: string }>(steps: S[]) =>
  steps.filter((s) => ["create", "update", "delete"].includes(s.op)).map((s) => `${s.op} ${s.type.split(":").pop()}`);

let emulator: RunningEmulator;
let cwd: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  cwd = (await preparePackedProject()).dir;
});
afterAll(() => emulator?.close());

describe.each(examples)("examples/$dir, end to end through the provider host", (example) => {
  const program = programFromFile(join(root, "examples", example.dir, "index.ts"));
  const configFile = join(root, "examples", example.dir, "Pulumi.dev.yaml");
  const config = (change: Record<string, unknown> = {}) =>
    stackConfig(configFile, { "livekit:url": emulator.url, ...change }, { "livekit:apiSecret": emulator.apiSecret, ...example.secrets });
  let engine: MiniEngine;
  let outputs: Record<string, any>;

  beforeAll(() => {
    engine = new MiniEngine({ cwd, project: example.dir, stack: "dev" });
  });

  it("up creates exactly what the program describes", async () => {
    outputs = (await engine.up(program, config())).outputs as Record<string, any>;
    const expected = example.expected(outputs);
    for (const kind of kinds) {
      const live = emulator.store.list(kind);
      const wanted = expected[kind] ?? [];
      if (Array.isArray(wanted)) {
        expect(live).toHaveLength(wanted.length);
        wanted.forEach((w, i) => expect(live[i]).toMatchObject(w));
      } else {
        expect(live).toEqual(wanted);
      }
    }
  });

  it("a second up after a config change updates in place, touching only what changed", async () => {
    const result = await engine.up(program, config(example.change));
    expect(result.outputs).toEqual(outputs);
    expect(mutating(result.steps)).toEqual(example.updated.map((t) => `update ${t}`));
  });

  it("refresh reports an out-of-band edit as drift", async () => {
    const [object] = emulator.store.list(example.drift.kind);
    await emulator.store.put(example.drift.kind, { ...object, ...example.drift.wire } as typeof object);
    const { drift } = await engine.refresh(config(example.change));
    expect(drift).toEqual([expect.objectContaining({ changed: [example.drift.field], deleted: false })]);
  });

  it("destroy leaves LiveKit empty", async () => {
    await engine.destroy(config(example.change));
    expect(kinds.flatMap((k) => emulator.store.list(k))).toEqual([]);
  });
});
