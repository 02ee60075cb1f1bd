import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { TwirpSipApi } from "../../src/client/twirpSipApi";
import { definitionOf, type ResourceType } from "../../src/resources";
import { REPO_ROOT } from "../harness/paths";
import { preparePackedProject } from "../harness/fixtureProject";
import { fullDispatchRule, fullInboundTrunk, fullOutboundTrunk } from "../fixtures/fullArgs";
import { describeLifecycle } from "./lifecycle";
import { PulumiStack, steps } from "./pulumiCli";
import type { StackCase } from "./stackCases";

/**
 * The native provider `livekit` (pulumi-resource-livekit) through the real CLI: found as a project
 * plugin in node_modules/.bin, as a user's Pulumi.yaml names it; the lifecycle of a TypeScript
 * program; `pulumi import` of every kind; the schema the plugin serves.
 */

jest.setTimeout(180_000);

/** Stacks live in <fixture project>/cli/<stack>/, the packed package's bin links in <fixture project>/node_modules/.bin. */
const pulumiYaml = (name: string, main: string) =>
  [
    `name: ${name}`,
    "runtime:",
    "  name: nodejs",
    "  options:",
    `    typescript: ${main.endsWith(".ts")}`,
    `main: ${main}`,
    "plugins:",
    "  providers:",
    "    - name: livekit",
    "      path: ../../node_modules/.bin",
    "",
  ].join("\n");

/** A TypeScript program of the four kinds, declared without a generated SDK: `pulumi.CustomResource` and the type token. */
const lifecycleProgram = `
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
/** A resource of the native provider, declared without a generated SDK. */
class LiveKit extends pulumi.CustomResource {
  constructor(type: string, name: string, args: pulumi.Inputs) {
    super(\`livekit:index:\${type}\`, name, args);
  }
}
const livekit = (type: string, name: string, args: pulumi.Inputs) => new LiveKit(type, name, args);

const trunk = livekit("InboundTrunk", "office", {
  name: "Office",
  numbers: ["+14155550100"],
  authUsername: "office",
  authPassword: config.requireSecret("trunkPassword"),
  krispEnabled: config.getBoolean("krisp") ?? false,
});
const dialer = livekit("OutboundTrunk", "dialer", { address: "sip.example.com:5061", transport: "tls", numbers: ["+14155550100"] });
const rule = livekit("DispatchRule", "reception", {
  rule: { type: "individual", roomPrefix: config.get("roomPrefix") ?? "call" },
  trunkIds: [trunk.id],
  roomConfig: { agents: [{ agentName: "receptionist" }] },
});
const number = livekit("PhoneNumber", "main-line", { countryCode: "US", sipDispatchRuleId: rule.id });

export const trunkId = trunk.id;
export const dialerId = dialer.id;
export const ruleId = rule.id;
export const numberId = number.id;
`;

const nativeCase: StackCase = {
  name: "native-provider",
  source: () => ({ files: { "Pulumi.yaml": pulumiYaml("native-provider", "index.ts"), "index.ts": lifecycleProgram } }),
  stack: "dev",
  secrets: { "native-provider:trunkPassword": "native-trunk-password" },
  change: { "native-provider:roomPrefix": "front-desk", "native-provider:krisp": true },
  updated: ["DispatchRule", "InboundTrunk"],
  expected: (out) => ({
    inboundTrunk: [{ sip_trunk_id: out.trunkId, name: "Office", numbers: ["+14155550100"], auth_username: "office", auth_password: "native-trunk-password", krisp_enabled: false }],
    outboundTrunk: [{ sip_trunk_id: out.dialerId, address: "sip.example.com:5061", transport: "SIP_TRANSPORT_TLS", numbers: ["+14155550100"] }],
    dispatchRule: [
      {
        sip_dispatch_rule_id: out.ruleId,
        trunk_ids: [out.trunkId],
        rule: { dispatch_rule_individual: { room_prefix: "call", pin: "", no_randomness: false } },
        room_config: expect.objectContaining({ agents: [expect.objectContaining({ agent_name: "receptionist" })] }),
      },
    ],
    phoneNumber: [{ id: out.numberId, status: "PHONE_NUMBER_STATUS_ACTIVE", sip_dispatch_rule_ids: [out.ruleId] }],
  }),
  drift: { kind: "dispatchRule", wire: { name: "renamed in the dashboard" }, field: "name" },
  types: /^livekit:index:/,
};

describeLifecycle(nativeCase);

describe("pulumi import of every kind through the real CLI, against the emulator", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;
  const ids = {} as Record<ResourceType, string>;
  const imports: [ResourceType, string][] = [
    ["InboundTrunk", "office"],
    ["OutboundTrunk", "dialer"],
    ["DispatchRule", "reception"],
    ["PhoneNumber", "main-line"],
  ];

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    // Objects made in LiveKit by someone else, every field set, with the typed client.
    const api = new TwirpSipApi({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret });
    const make = async (type: ResourceType, args: object) => {
      const definition = definitionOf(type);
      ids[type] = String(((await definition.livekit.create(api, definition.schema.toWire(args))) as Record<string, unknown>)[definition.idField]);
    };
    await make("InboundTrunk", fullInboundTrunk);
    await make("OutboundTrunk", fullOutboundTrunk);
    const rule = { ...fullDispatchRule, trunkIds: [ids.InboundTrunk] };
    await make("DispatchRule", rule);
    const [forSale] = ((await api.call("SearchPhoneNumbers", { countryCode: "US", limit: 1 })) as { items: { e164Format: string }[] }).items;
    await make("PhoneNumber", { phoneNumber: forSale.e164Format, sipDispatchRuleId: ids.DispatchRule });

    // The program a user writes for them: the same settings, secrets from the stack's config.
    const declare = (type: ResourceType, name: string, args: object) => `livekit("${type}", "${name}", ${JSON.stringify(args)});`;
    const { authPassword: inboundPassword, ...inbound } = fullInboundTrunk;
    const { authPassword: outboundPassword, ...outbound } = fullOutboundTrunk;
    const program = [
      'const pulumi = require("@pulumi/pulumi");',
      "const config = new pulumi.Config();",
      "const livekit = (type, name, args) => new pulumi.CustomResource(`livekit:index:${type}`, name, args);",
      `livekit("InboundTrunk", "office", { ...${JSON.stringify(inbound)}, authPassword: config.requireSecret("inboundPassword") });`,
      `livekit("OutboundTrunk", "dialer", { ...${JSON.stringify(outbound)}, authPassword: config.requireSecret("outboundPassword") });`,
      declare("DispatchRule", "reception", rule),
      declare("PhoneNumber", "main-line", { phoneNumber: forSale.e164Format, sipDispatchRuleId: ids.DispatchRule }),
      "",
    ].join("\n");
    stack = await PulumiStack.create("native-import", { files: { "Pulumi.yaml": pulumiYaml("native-import", "index.js"), "index.js": program } });
    await stack.configSet("livekit:url", emulator.url);
    await stack.configSet("livekit:apiKey", emulator.apiKey);
    await stack.configSet("livekit:apiSecret", emulator.apiSecret, { secret: true });
    await stack.configSet("inboundPassword", inboundPassword, { secret: true });
    await stack.configSet("outboundPassword", outboundPassword, { secret: true });
    emulator.resetStats();
  }, 60_000);
  afterAll(async () => {
    await emulator?.close();
    stack?.remove();
  });

  it.each(imports)("`pulumi import livekit:index:%s %s <id>` takes the object into the stack, reading only", async (type, name) => {
    // Code generation needs a language host newer than the pinned one (see docs/native-provider.md).
    await stack.pulumi(["import", `livekit:index:${type}`, name, ids[type], "--yes", "--generate-code=false", "--stack", stack.stack]);
    const state = JSON.parse(await stack.exportText());
    const resource = state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith(`livekit:index:${type}::${name}`));
    expect(resource).toMatchObject({ id: ids[type], type: `livekit:index:${type}` });
    expect(Object.keys(emulator.stats().byMethod).filter((method) => !/^(Get|List)/.test(method))).toEqual([]);
  });

  it("the imported state holds the passwords only encrypted", async () => {
    const state = await stack.exportText();
    for (const secret of [fullInboundTrunk.authPassword, fullOutboundTrunk.authPassword, emulator.apiSecret]) expect(state).not.toContain(`"${secret}"`);
  });

  it("then a program declaring the same settings previews no changes (--expect-no-changes)", async () => {
    const preview = await stack.preview(["--expect-no-changes"], { allowFailure: true });
    expect(preview.code).toBe(0);
    const planned = (await stack.previewJson()).steps.filter((step) => step.urn.includes("::livekit:index:"));
    expect(planned.map((step) => `${step.op} ${step.urn.split("::").slice(-2).join(" ")}`).sort()).toEqual(imports.map(([type, name]) => `same livekit:index:${type} ${name}`).sort());
  });
});

describe("a rule naming its trunk's sipTrunkId through the real CLI (the provider previews updates)", () => {
  let emulator: RunningEmulator;
  let stack: PulumiStack;
  const program = `
const pulumi = require("@pulumi/pulumi");
const config = new pulumi.Config();
const livekit = (type, name, args) => new pulumi.CustomResource(\`livekit:index:\${type}\`, name, args);
// sipTrunkId left undefined declares the output, as a generated SDK does.
const trunk = livekit("InboundTrunk", "office", { name: config.get("trunkName") ?? "Office", numbers: ["+14155550100"], sipTrunkId: undefined });
livekit("DispatchRule", "reception", { rule: { type: "individual", roomPrefix: "call" }, trunkIds: [trunk.sipTrunkId] });
`;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    stack = await PulumiStack.create("native-preview", { files: { "Pulumi.yaml": pulumiYaml("native-preview", "index.js"), "index.js": program } });
    await stack.configSet("livekit:url", emulator.url);
    await stack.configSet("livekit:apiKey", emulator.apiKey);
    await stack.configSet("livekit:apiSecret", emulator.apiSecret, { secret: true });
    await stack.up();
  }, 120_000);
  afterAll(async () => {
    await emulator?.close();
    stack?.remove();
  });
  /** `pulumi preview --json`'s changing steps of the program's resources, `op type name`. */
  const planned = async () =>
    (await stack.previewJson()).steps.filter((step) => step.op !== "same" && step.urn.includes("::livekit:index:")).map((step) => `${step.op} ${step.urn.split("::").slice(-2).join(" ")}`);

  it("a trunk edit previews only the trunk updating, the rule unchanged, with nothing sent to LiveKit", async () => {
    await stack.configSet("trunkName", "Front desk");
    emulator.resetStats();
    expect(await planned()).toEqual(["update livekit:index:InboundTrunk office"]);
    expect(Object.keys(emulator.stats().byMethod).filter((method) => !/^(Get|List)/.test(method))).toEqual([]);
  });

  it("then up updates only the trunk, and the next preview is empty", async () => {
    expect(steps((await stack.up()).events)).toEqual(["update InboundTrunk office"]);
    const [trunk] = emulator.store.list("inboundTrunk");
    expect(trunk).toMatchObject({ name: "Front desk" });
    expect(emulator.store.list("dispatchRule")).toEqual([expect.objectContaining({ trunk_ids: [trunk.sip_trunk_id] })]);
    expect(await planned()).toEqual([]);
    expect((await stack.preview(["--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });
});

describe("the plugin as the CLI runs it", () => {
  let stack: PulumiStack;
  const program = `
const pulumi = require("@pulumi/pulumi");
new pulumi.CustomResource("livekit:index:DispatchRule", "private", { rule: { type: "individual" }, hidePhoneNumber: true });
`;
  beforeAll(async () => {
    stack = await PulumiStack.create("native-plugin", { files: { "Pulumi.yaml": pulumiYaml("native-plugin", "index.js"), "index.js": program } });
  }, 60_000);
  afterAll(() => stack?.remove());

  it("shows check's warnings as the resource's diagnostics in preview, which needs no credentials", async () => {
    const preview = await stack.previewJson();
    const warnings = (preview.diagnostics ?? []).filter((d) => d.severity === "warning" && d.urn?.includes("livekit:"));
    expect(warnings).toEqual([expect.objectContaining({ urn: expect.stringMatching(/livekit:index:DispatchRule::private$/), message: expect.stringContaining("hidePhoneNumber with an individual rule") })]);
  });

  it("`pulumi package get-schema` gets the committed provider/schema.json from the plugin", async () => {
    const plugin = path.join((await preparePackedProject()).dir, "node_modules", ".bin", "pulumi-resource-livekit");
    const { stdout } = await stack.pulumi(["package", "get-schema", plugin]);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "provider", "schema.json"), "utf8")));
  });

  it("`pulumi schema check` finds no error in it", async () => {
    const check = await stack.pulumi(["schema", "check", path.join(REPO_ROOT, "provider", "schema.json")], { allowFailure: true });
    expect([check.code, check.stderr.trim()]).toEqual([0, ""]);
  });
});
