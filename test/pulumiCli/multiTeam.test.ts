import * as fs from "node:fs";
import * as path from "node:path";
import { preparePackedProject } from "../harness/fixtureProject";
import { REPO_ROOT } from "../harness/paths";
import { runCli } from "../tools/export/support/runCli";
import { emulatorBackend, type Backend } from "./backends";
import { drifted } from "./lifecycle";
import { exampleProject, PulumiStack, steps } from "./pulumiCli";

/**
 * examples/multi-team through the real CLI: a platform stack owns the trunks, two team stacks own
 * their dispatch rules on them through StackReference outputs, all in one LiveKit project and one
 * backend. The lifecycle of all three, then what only LiveKit's state can tell: a team taking
 * another team's pin or numbers must fail its own preview, naming the other team's rule, before
 * anything is sent.
 */

jest.setTimeout(180_000);

const OURS = /^pulumi-nodejs:dynamic\/livekit:/;
const PLATFORM_STACK = "organization/telephony-platform/dev";

let backend: Backend;
let backendDir: string;
let platform: PulumiStack;
let sales: PulumiStack;
let support: PulumiStack;
let platformOut: Record<string, any>;
let salesOut: Record<string, any>;
let supportOut: Record<string, any>;

const writes = () => Object.entries(backend.requests()).filter(([method]) => !/^(Get|List)/.test(method));
const rules = async () => (await backend.list("dispatchRule")) as Record<string, any>[];
const ruleById = async (id: string) => (await rules()).find((r) => r.sip_dispatch_rule_id === id);
const output = (result: { stdout: string; stderr: string }) => result.stdout + result.stderr;
/** `pulumi preview` as a person reads it (not --json, whose text is escaped). */
const previewText = (stack: PulumiStack) => stack.pulumi(["preview", "--stack", stack.stack], { allowFailure: true });

async function stackOf(name: string, project: string): Promise<PulumiStack> {
  const stack = await PulumiStack.create(name, exampleProject(`multi-team/${project}`), "dev", { backendDir });
  await stack.configSet("livekit:url", backend.url);
  await stack.configSet("livekit:apiKey", backend.apiKey);
  await stack.configSet("livekit:apiSecret", backend.apiSecret, { secret: true });
  return stack;
}

beforeAll(async () => {
  backend = await emulatorBackend();
  backendDir = path.join((await preparePackedProject()).dir, "cli", `multi-team-backend-${process.pid}`);
  fs.rmSync(backendDir, { recursive: true, force: true });
  [platform, sales, support] = await Promise.all([
    stackOf("multi-team-platform", "platform"),
    stackOf("multi-team-sales", "team-sales"),
    stackOf("multi-team-support", "team-support"),
  ]);
  await platform.configSet("telephony-platform:trunkPassword", "carrier-password", { secret: true });
}, 120_000);

afterAll(async () => {
  await backend?.close();
  for (const stack of [platform, sales, support]) stack?.remove();
  if (backendDir) fs.rmSync(backendDir, { recursive: true, force: true });
}, 30_000);

describe("examples/multi-team: a platform stack and two team stacks through the real pulumi CLI against the emulator", () => {
  it("the platform's up creates the trunks and exports their IDs and each team's numbers", async () => {
    const up = await platform.up();
    expect(steps(up.events).sort()).toEqual(["create InboundTrunk carrier", "create OutboundTrunk carrier-out"]);
    platformOut = await platform.outputs();
    expect(platformOut).toEqual({
      inboundTrunkId: expect.stringMatching(/^ST_/),
      outboundTrunkId: expect.stringMatching(/^ST_/),
      mainNumber: "+14155550100",
      teamNumbers: { sales: ["+14155550111"], support: ["+14155550121", "+14155550122"] },
    });
    const [trunk] = await backend.list("inboundTrunk");
    expect(trunk).toMatchObject({ sip_trunk_id: platformOut.inboundTrunkId, numbers: ["+14155550100", "+14155550111", "+14155550121", "+14155550122"] });
  });

  it("a team's preview reads the platform's trunk ID and numbers through the StackReference, and LiveKit gets no write", async () => {
    const before = writes();
    const plan = await sales.previewJson();
    const ours = plan.steps.filter((s) => OURS.test(s.newState?.type ?? ""));
    expect(ours.map((s) => [s.op, s.urn.split("::").pop()]).sort()).toEqual([
      ["create", "sales-direct"],
      ["create", "sales-main-line"],
    ]);
    // Known at preview, so the preview's checks (and the live pre-check) see the real trunk.
    for (const step of ours) expect(step.newState!.inputs!.trunkIds).toEqual([platformOut.inboundTrunkId]);
    expect(ours.map((s) => s.newState!.inputs!.numbers).sort()).toEqual([["+14155550100"], ["+14155550111"]]);
    expect(writes()).toEqual(before);
  });

  it("both teams' up create their rules on the platform's trunk, each on its own numbers and pin", async () => {
    await sales.up();
    await support.up();
    [salesOut, supportOut] = [await sales.outputs(), await support.outputs()];
    const trunk_ids = [platformOut.inboundTrunkId];
    expect(await ruleById(salesOut.dispatchRuleIds.direct)).toMatchObject({ trunk_ids, numbers: ["+14155550111"], rule: { dispatch_rule_individual: { room_prefix: "sales", pin: "" } } });
    expect(await ruleById(salesOut.dispatchRuleIds.mainLine)).toMatchObject({ trunk_ids, numbers: ["+14155550100"], rule: { dispatch_rule_individual: { pin: "1001" } } });
    expect(await ruleById(supportOut.dispatchRuleIds.queue)).toMatchObject({ trunk_ids, numbers: ["+14155550121", "+14155550122"] });
    expect(await ruleById(supportOut.dispatchRuleIds.mainLine)).toMatchObject({ trunk_ids, numbers: ["+14155550100"], rule: { dispatch_rule_individual: { pin: "2002" } } });
    expect(await rules()).toHaveLength(4);
  });

  it("the review CLI shows a team's whole route from the platform's `pulumi stack output --json` and the trunk read from LiveKit", async () => {
    const outputs = path.join(backendDir, "platform-outputs.json");
    fs.writeFileSync(outputs, (await platform.pulumi(["stack", "output", "--json", "--stack", platform.stack])).stdout);
    const before = writes();
    const run = await runCli(
      ["plan", path.join(REPO_ROOT, "examples", "multi-team", "team-support"), "--stack", "dev", "--stack-outputs", `${PLATFORM_STACK}=${outputs}`, "--trunks-from-livekit"],
      { env: { LIVEKIT_URL: backend.url, LIVEKIT_API_KEY: backend.apiKey, LIVEKIT_API_SECRET: backend.apiSecret } },
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const calls = (number: string) => run.stdout.slice(run.stdout.indexOf(`Calls to ${number}`)).split("\n\n")[0];
    expect(calls("+14155550121")).toContain(`Trunk Carrier inbound (${platformOut.inboundTrunkId}): callers: any; addresses: 54.172.60.0/30; auth: digest (user livekit-shared)`);
    expect(calls("+14155550121")).toMatch(/1 +Support queue +this trunk +any +none +support_<caller>_<random> +support-agent-dev/);
    expect(calls("+14155550100")).toMatch(/1 +Support on the main number +this trunk +any +required +support-main_<caller>_<random> +support-agent-dev/);
    expect(writes()).toEqual(before);
  });

  it("immediate previews of all three stacks propose no changes (--expect-no-changes) and send LiveKit nothing", async () => {
    const before = backend.requests();
    for (const stack of [platform, sales, support]) {
      const preview = await stack.preview(["--expect-no-changes"], { allowFailure: true });
      expect({ stack: stack.dir, code: preview.code, steps: steps(preview.events) }).toEqual({ stack: stack.dir, code: 0, steps: [] });
    }
    expect(backend.requests()).toEqual(before);
  });

  it("refresh of all three stacks finds nothing changed (--expect-no-changes)", async () => {
    for (const stack of [platform, sales, support]) {
      const refresh = await stack.refresh(["--expect-no-changes"], { allowFailure: true });
      expect({ stack: stack.dir, code: refresh.code, drift: drifted(refresh.events) }).toEqual({ stack: stack.dir, code: 0, drift: [] });
    }
  });

  it("a number the platform gives support reaches support's rule on support's next up, in place; sales is unaffected", async () => {
    platform.editConfig({ "telephony-platform:teamNumbers": { sales: ["+14155550111"], support: ["+14155550121", "+14155550122", "+14155550123"] } });
    const platformUp = await platform.up();
    expect(steps(platformUp.events).map((s) => s.split(" ").slice(0, 2).join(" ")).sort()).toEqual(["update InboundTrunk", "update OutboundTrunk"]);

    const plan = await support.previewJson();
    expect(plan.steps.filter((s) => s.op !== "same" && OURS.test(s.newState?.type ?? "")).map((s) => [s.op, s.urn.split("::").pop()])).toEqual([["update", "support-queue"]]);
    const before = backend.requests();
    await support.up();
    expect(Object.keys(backend.requests()).filter((m) => !/^(Get|List)/.test(m) && backend.requests()[m] !== (before[m] ?? 0))).toEqual(["UpdateSIPDispatchRule"]);
    expect(await ruleById(supportOut.dispatchRuleIds.queue)).toMatchObject({ numbers: ["+14155550121", "+14155550122", "+14155550123"] });
    expect(await support.outputs()).toEqual(supportOut);

    const salesPreview = await sales.preview(["--expect-no-changes"], { allowFailure: true });
    expect(salesPreview.code).toBe(0);
  });

  it("support taking the sales pin on the main number fails support's preview and up, naming the sales rule, and nothing is sent", async () => {
    support.editConfig({ "telephony-support:mainLinePin": "1001" });
    const before = writes();
    const preview = await previewText(support);
    expect(preview.code).not.toBe(0);
    expect(output(preview)).toMatch(
      new RegExp(`support-main-line.*rule\\.pin: conflicts with what already exists in LiveKit: pin "1001" on trunk ${platformOut.inboundTrunkId} .*already used by dispatch rule "${salesOut.dispatchRuleIds.mainLine} \\(Sales on the main number\\)"`, "s"),
    );
    const up = await support.up([], { allowFailure: true });
    expect(up.code).not.toBe(0);
    expect(output(up)).toContain(salesOut.dispatchRuleIds.mainLine);
    expect(writes()).toEqual(before);
    expect(await ruleById(supportOut.dispatchRuleIds.mainLine)).toMatchObject({ rule: { dispatch_rule_individual: { pin: "2002" } } });
    support.editConfig({ "telephony-support:mainLinePin": "2002" });
  });

  it("support declaring a new rule on a sales number fails support's preview, naming the sales rule, and nothing is sent", async () => {
    // What a pull request to the support team's repository could add: an overflow line that
    // takes the sales number's calls, which LiveKit refuses while the sales rule holds it.
    fs.appendFileSync(
      path.join(support.dir, "index.ts"),
      `\nnew DispatchRule("support-overflow", { name: "Support overflow", trunkIds, numbers: ["+14155550111"], rule: { type: "direct", roomName: "overflow" } });\n`,
    );
    const before = writes();
    const preview = await previewText(support);
    expect(preview.code).not.toBe(0);
    expect(output(preview)).toMatch(
      new RegExp(`support-overflow.*property trunkIds .*has a problem: conflicts with what already exists in LiveKit: no pin on trunk ${platformOut.inboundTrunkId} .*already used by dispatch rule "${salesOut.dispatchRuleIds.direct} \\(Sales direct lines\\)"`, "s"),
    );
    expect(writes()).toEqual(before);
  });

  it("destroying the teams, then the platform, leaves the LiveKit project empty", async () => {
    for (const stack of [sales, support, platform]) await stack.destroy();
    expect([...(await rules()), ...(await backend.list("inboundTrunk")), ...(await backend.list("outboundTrunk"))]).toEqual([]);
  });
});
