import { cpSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { preparePackedProject } from "../harness/fixtureProject";
import { REPO_ROOT } from "../harness/paths";
import { jsonDocuments, PulumiStack, type PolicyEvent } from "./pulumiCli";

/**
 * The telephony policy pack (policy-pack/) through the real CLI: `pulumi preview --policy-pack`
 * on stacks that break each policy and on one that breaks none, with the pack installed as an
 * organisation would (this package from its packed tarball). The pinned Node.js language host
 * cannot start a pack from its directory, so the CLI is given the pack's analyzer script (see
 * docs/policy-pack.md).
 */

jest.setTimeout(180_000);

const project = (name: string) => `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n`;

/** Each policy set to a level, as a `--policy-pack-config` file holds it. */
const levels = (level: string, extra: Record<string, Record<string, unknown>> = {}) =>
  Object.fromEntries(
    [
      "livekit-inbound-trunk-open",
      "livekit-outbound-trunk-unencrypted",
      "livekit-number-without-route",
      "livekit-dispatch-rule-without-agent",
      "livekit-krisp-required",
      "livekit-wildcard-rule-without-pin",
    ].map((name) => [name, { enforcementLevel: level, ...extra[name] }]),
  );

let emulator: RunningEmulator;
let pack: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  // Beside the fixture project's node_modules, where the packed package is installed; @pulumi/policy resolves from the repository's.
  pack = join((await preparePackedProject()).dir, `policy-pack-${process.pid}`);
  rmSync(pack, { recursive: true, force: true });
  cpSync(join(REPO_ROOT, "policy-pack"), pack, { recursive: true });
}, 120_000);
afterAll(async () => {
  await emulator?.close();
  if (pack) rmSync(pack, { recursive: true, force: true });
});

async function stackOf(name: string, code: string): Promise<PulumiStack> {
  const stack = await PulumiStack.create(name, { files: { "Pulumi.yaml": project(name), "index.js": code } });
  await stack.configSet("livekit:url", emulator.url);
  await stack.configSet("livekit:apiKey", emulator.apiKey);
  await stack.configSet("livekit:apiSecret", emulator.apiSecret, { secret: true });
  return stack;
}

function policyArgs(stack: PulumiStack, config?: object): string[] {
  const args = ["--policy-pack", join(pack, "analyzer")];
  if (config === undefined) return args;
  const file = join(stack.dir, "policy-config.json");
  writeFileSync(file, JSON.stringify(config));
  return [...args, "--policy-pack-config", file];
}

/** `pulumi preview --policy-pack`: its exit code, output and the pack's policy events. */
async function preview(stack: PulumiStack, config?: object) {
  const result = await stack.pulumi(["preview", "--stack", stack.stack, "--json", ...policyArgs(stack, config)], {
    allowFailure: true,
    // Without it, preview --json prints one summary document that leaves policy events out.
    env: { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" },
  });
  const violations = jsonDocuments(result.stdout).flatMap((doc) => ((doc as { policyEvent?: PolicyEvent }).policyEvent ? [(doc as { policyEvent: PolicyEvent }).policyEvent] : []));
  return { code: result.code, output: result.stdout + result.stderr, violations };
}

const of = (violations: PolicyEvent[], policy: string) => violations.filter((v) => v.policyName === policy);
const urnOf = (name: string) => expect.stringMatching(new RegExp(`::${name}$`));

describe("a stack that breaks every policy, each set to advisory", () => {
  let stack: PulumiStack;
  let result: Awaited<ReturnType<typeof preview>>;
  beforeAll(async () => {
    stack = await stackOf(
      "policy-violations",
      `
const { DispatchRule, InboundTrunk, OutboundTrunk, PhoneNumber } = require("pulumi-livekit-sip");
const door = new InboundTrunk("open-door", { numbers: ["+14155550100", "+14155550101"] });
new OutboundTrunk("plain-dialer", { address: "sip.example.com", numbers: ["+14155550100"] });
new DispatchRule("no-agent", { trunkIds: [door.sipTrunkId], numbers: ["+14155550100"], rule: { type: "individual", roomPrefix: "call" } });
new DispatchRule("catch-all", { rule: { type: "direct", roomName: "lobby" }, roomConfig: { agents: [{ agentName: "receptionist" }] } });
// trunkIds computed as a whole: unknown until the trunk exists.
new DispatchRule("late-bound", { trunkIds: door.sipTrunkId.apply((id) => [id]), rule: { type: "individual", roomPrefix: "late" }, roomConfig: { agents: [{ agentName: "receptionist" }] }, krispEnabled: true });
new PhoneNumber("spare-line", { phoneNumber: "+14155550300" });
`,
    );
    result = await preview(stack, levels("advisory", { "livekit-krisp-required": { requireKrisp: true } }));
  }, 120_000);
  afterAll(() => stack?.remove());

  it("passes the preview: advisory violations only warn", () => {
    expect(result.code).toBe(0);
    expect(result.violations.length).toBeGreaterThanOrEqual(6);
    expect(result.violations.every((v) => v.enforcementLevel === "advisory" && v.policyPackName === "livekit-telephony")).toBe(true);
  });

  it("reports each policy on the resource that breaks it, with the fix", () => {
    expect(of(result.violations, "livekit-inbound-trunk-open")).toEqual([
      expect.objectContaining({ resourceUrn: urnOf("open-door"), message: expect.stringMatching(/InboundTrunk "open-door" accepts calls from every address without authentication.*Fix: set allowedAddresses/) }),
    ]);
    expect(of(result.violations, "livekit-outbound-trunk-unencrypted")).toEqual([
      expect.objectContaining({ resourceUrn: urnOf("plain-dialer"), message: expect.stringMatching(/OutboundTrunk "plain-dialer" sends SIP signalling .* instead of TLS.*Fix: set transport: "tls"/) }),
    ]);
    expect(of(result.violations, "livekit-number-without-route")).toEqual([
      expect.objectContaining({ resourceUrn: urnOf("spare-line"), message: expect.stringMatching(/PhoneNumber "spare-line" \(\+14155550300\) has no sipDispatchRuleId.*Fix: set sipDispatchRuleId/) }),
    ]);
    expect(of(result.violations, "livekit-dispatch-rule-without-agent")).toEqual([
      expect.objectContaining({ resourceUrn: urnOf("no-agent"), message: expect.stringMatching(/DispatchRule "no-agent" dispatches no agent.*Fix: add roomConfig/) }),
    ]);
    expect(of(result.violations, "livekit-krisp-required")).toContainEqual(
      expect.objectContaining({
        resourceUrn: urnOf("no-agent"),
        message: expect.stringMatching(/Calls to \+14155550100 through InboundTrunk "open-door" land on DispatchRule "no-agent" without Krisp.*Fix: set krispEnabled: true/),
      }),
    );
    expect(of(result.violations, "livekit-wildcard-rule-without-pin")).toContainEqual(
      expect.objectContaining({ resourceUrn: urnOf("catch-all"), message: expect.stringMatching(/DispatchRule "catch-all" applies to every trunk and every number .*Fix: set trunkIds/) }),
    );
  });

  it("says a policy cannot decide during preview on a value not known yet, as an advisory", () => {
    const lateBound = result.violations.filter((v) => v.resourceUrn?.endsWith("::late-bound"));
    expect(lateBound).toEqual([
      expect.objectContaining({
        policyName: "livekit-wildcard-rule-without-pin",
        enforcementLevel: "advisory",
        message: expect.stringMatching(/can't run policy 'livekit-wildcard-rule-without-pin'.* during preview: .*\.trunkIds can't be known during preview/),
      }),
    ]);
  });
});

describe("a stack with a mandatory violation", () => {
  let stack: PulumiStack;
  let result: Awaited<ReturnType<typeof preview>>;
  beforeAll(async () => {
    stack = await stackOf(
      "policy-mandatory",
      `
const { DispatchRule, InboundTrunk, OutboundTrunk } = require("pulumi-livekit-sip");
const desk = new InboundTrunk("front-desk", { numbers: ["+14155550100", "+14155550101"] });
new DispatchRule("sales", { trunkIds: [desk.sipTrunkId], numbers: ["+14155550100"], rule: { type: "individual", roomPrefix: "sales" }, roomConfig: { agents: [{ agentName: "sales" }] } });
new OutboundTrunk("plain-dialer", { address: "sip.example.com", numbers: ["+14155550100"] });
`,
    );
    // The pack's own levels, but for one policy turned off.
    result = await preview(stack, { "livekit-outbound-trunk-unencrypted": "disabled" });
  }, 120_000);
  afterAll(() => stack?.remove());

  it("fails the preview (non-zero exit) on the mandatory policy", () => {
    expect(result.code).not.toBe(0);
    expect(of(result.violations, "livekit-inbound-trunk-open")).toEqual([expect.objectContaining({ enforcementLevel: "mandatory", resourceUrn: urnOf("front-desk") })]);
  });

  it("still reports advisory ones, the stack-level routing check included, on the trunk", () => {
    expect(of(result.violations, "livekit-number-without-route")).toEqual([
      expect.objectContaining({
        enforcementLevel: "advisory",
        resourceUrn: urnOf("front-desk"),
        message: expect.stringMatching(/InboundTrunk "front-desk" answers \+14155550101 but no dispatch rule reaches calls to it.*Fix: add a DispatchRule/),
      }),
    ]);
  });

  it("says nothing for a disabled policy", () => {
    expect(of(result.violations, "livekit-outbound-trunk-unencrypted")).toEqual([]);
    expect(result.output).not.toContain("plain-dialer\" sends");
  });
});

describe("a stack that meets every policy, each mandatory", () => {
  let stack: PulumiStack;
  const config = levels("mandatory", { "livekit-krisp-required": { requireKrisp: true } });
  beforeAll(async () => {
    stack = await stackOf(
      "policy-compliant",
      `
const pulumi = require("@pulumi/pulumi");
const { DispatchRule, InboundTrunk, OutboundTrunk, PhoneNumber } = require("pulumi-livekit-sip");
const config = new pulumi.Config();
const carrier = new InboundTrunk("carrier", {
  name: config.get("trunkName") ?? "Carrier",
  numbers: ["+14155550142"],
  allowedAddresses: ["192.0.2.0/28"],
  authUsername: "carrier",
  authPassword: config.requireSecret("trunkPassword"),
  krispEnabled: true,
});
const reception = new DispatchRule("reception", {
  trunkIds: [carrier.sipTrunkId],
  rule: { type: "individual", roomPrefix: "call" },
  roomConfig: { agents: [{ agentName: "receptionist" }] },
  krispEnabled: true,
});
new OutboundTrunk("dialer", { address: "sip.example.com:5061", transport: "tls", numbers: ["+14155550142"], media: { encryption: "require" } });
// Bought by search: the number itself is unknown until up.
new PhoneNumber("line", { countryCode: "US", areaCode: "415", sipDispatchRuleId: reception.sipDispatchRuleId });
`,
    );
    await stack.configSet("trunkPassword", "carrier-password", { secret: true });
  }, 120_000);
  afterAll(() => stack?.remove());

  it("passes the preview of a new stack with no violation", async () => {
    const result = await preview(stack, config);
    expect(result.violations).toEqual([]);
    expect(result.code).toBe(0);
  });

  it("passes `pulumi up` with the pack, and the preview of a change once every ID is known", async () => {
    const up = await stack.up(policyArgs(stack, config));
    expect(up.events.filter((e) => e.policyEvent)).toEqual([]);
    await stack.configSet("trunkName", "Carrier (renamed)");
    const result = await preview(stack, config);
    expect(result.violations).toEqual([]);
    expect(result.code).toBe(0);
  });
});
