import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildRoutingPlan, formatPlan, loadRoutingConfig, type RoutingConfig } from "../../src/routing";
import { externalTrunkIds, externalTrunkNotes, unreadTrunksError, withExternalTrunks } from "../../src/routing/externalTrunks";
import { outputsOf, readStackOutputs } from "../../src/tools/offline/stackReferences";

/**
 * A team stack of examples/multi-team reviewed offline: its StackReference's outputs come from
 * `--stack-outputs` (what `pulumi stack output --json` prints), and without them the review names
 * what it cannot know instead of checking made-up values. Then the trunks its rules name but do
 * not declare, which the CLI reads from LiveKit (test/cli/multiTeamReview.test.ts).
 */

const root = join(__dirname, "..", "..");
const PLATFORM = "organization/telephony-platform/dev";
const outputs = { inboundTrunkId: "ST_carrierInbnd", mainNumber: "+14155550100", teamNumbers: { sales: ["+14155550111"], support: ["+14155550121"] } };

// Inside the repository, so copied programs find @pulumi/pulumi as the originals do.
mkdirSync(join(root, ".fixtures"), { recursive: true });
const scratch = mkdtempSync(join(root, ".fixtures", "stack-references-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
/** A copy of the sales team's project: jest's module registry runs a program file once per test file. */
function salesTeam(): string {
  const dir = join(scratch, `team-sales-${++copies}`);
  cpSync(join(root, "examples", "multi-team", "team-sales"), dir, { recursive: true });
  return dir;
}

describe("a program's StackReference, offline", () => {
  it("takes the referenced stack's outputs from --stack-outputs: the rules sit on the platform's trunk and numbers", async () => {
    const config = await loadRoutingConfig({ path: salesTeam(), stack: "dev", stackOutputs: { [PLATFORM]: outputs } });
    expect(config.rules.map((r) => [r.name, r.trunkIds, r.numbers])).toEqual([
      ["Sales direct lines", ["ST_carrierInbnd"], ["+14155550111"]],
      ["Sales on the main number", ["ST_carrierInbnd"], ["+14155550100"]],
    ]);
    expect(config.trunks).toEqual([]);
  });

  it("matches a reference to outputs given by its full name, its project/stack tail, or for any stack", () => {
    const given = { [PLATFORM]: { from: "full" }, "telephony-support/dev": { from: "tail" }, "*": { from: "any" } };
    expect(outputsOf(given, PLATFORM)).toEqual({ from: "full" });
    expect(outputsOf(given, "organization/telephony-support/dev")).toEqual({ from: "tail" });
    expect(outputsOf(given, "organization/telephony-sales/dev")).toEqual({ from: "any" });
    expect(outputsOf({ [PLATFORM]: {} }, "organization/telephony-sales/dev")).toBeUndefined();
  });

  it("without them, refuses naming each argument not known, the stack read and how to give its outputs", async () => {
    const path = salesTeam();
    await expect(loadRoutingConfig({ path, stack: "dev", stackOutputs: { "organization/other/dev": outputs } })).rejects.toThrow(
      `${path} declares values that are not known offline, so its routing cannot be shown:\n` +
        '  DispatchRule "sales-direct": numbers, trunkIds\n' +
        '  DispatchRule "sales-main-line": numbers, trunkIds\n' +
        `The program reads the outputs of stack ${PLATFORM} (a StackReference). Give them with --stack-outputs ${PLATFORM}=<file>, ` +
        `the file written by \`pulumi stack output --json --stack ${PLATFORM}\`.`,
    );
  });
});

describe("--stack-outputs files", () => {
  const file = (name: string, text: string) => {
    const path = join(scratch, name);
    writeFileSync(path, text);
    return path;
  };

  it("reads `pulumi stack output --json` per stack, or for every stack without a name", () => {
    const platform = file("platform.json", JSON.stringify(outputs));
    expect(readStackOutputs([`${PLATFORM}=${platform}`, platform])).toEqual({ [PLATFORM]: outputs, "*": outputs });
  });

  it("says what is wrong with a file, and with a stack given twice", () => {
    const broken = file("broken.json", "{ inboundTrunkId");
    const list = file("list.json", "[]");
    const platform = file("platform2.json", JSON.stringify(outputs));
    expect(() => readStackOutputs([broken])).toThrow(new RegExp(`^--stack-outputs ${broken}: .*JSON.*; give the JSON that \`pulumi stack output --json\` prints$`));
    expect(() => readStackOutputs([`${PLATFORM}=${list}`])).toThrow(`--stack-outputs ${PLATFORM}=${list}: ${list} holds no JSON object of outputs`);
    expect(() => readStackOutputs([`${PLATFORM}=${platform}`, `${PLATFORM}=${platform}`])).toThrow(`outputs of stack ${PLATFORM} given twice`);
    expect(() => readStackOutputs([join(scratch, "missing.json")])).toThrow(/ENOENT/);
  });
});

describe("trunks a source's rules name but do not declare", () => {
  const config: RoutingConfig = {
    trunks: [{ sipTrunkId: "trunk:own", name: "Own", numbers: ["+14155550199"] }],
    rules: [
      { sipDispatchRuleId: "rule:a", name: "A", trunkIds: ["ST_platform", "trunk:own"], rule: { dispatchRuleDirect: { roomName: "a" } } },
      { sipDispatchRuleId: "rule:b", name: "B", trunkIds: ["ST_platform", "ST_platform"], numbers: ["+14155550111"], rule: { dispatchRuleDirect: { roomName: "b" } } },
      { sipDispatchRuleId: "rule:c", name: "C", rule: { dispatchRuleDirect: { roomName: "c" } } },
    ],
  };
  const platformTrunk = { sipTrunkId: "ST_platform", name: "Carrier inbound", numbers: ["+14155550111"] };

  it("are each listed once with the rules that name them; declared trunks and rules on every trunk are not", () => {
    expect(externalTrunkIds(config)).toEqual(new Map([["ST_platform", ["A", "B"]]]));
  });

  it("join the configuration once read, and only those the rules name", () => {
    const joined = withExternalTrunks(config, [platformTrunk, { sipTrunkId: "ST_unrelated", name: "Other team's" }]);
    expect(joined.trunks.map((t) => t.sipTrunkId)).toEqual(["trunk:own", "ST_platform"]);
    expect(externalTrunkIds(joined).size).toBe(0);
  });

  it("read, route calls through them, and the plan says at its top where they come from", () => {
    const plan = buildRoutingPlan({ ...withExternalTrunks(config, [platformTrunk]), notes: externalTrunkNotes([platformTrunk], "LiveKit") });
    const text = formatPlan(plan, "text");
    expect(text.split("\n")[2]).toBe(
      "Note: Trunk Carrier inbound (ST_platform) is not declared by this source: it is read from LiveKit as it is now. Rules of other stacks are not shown: its numbers that no rule here routes may be routed by them.",
    );
    expect(text).toMatch(/Calls to \+14155550111\n {2}Trunk Carrier inbound \(ST_platform\)[^\n]*\n.*\n.*\n {4}1 +B /);
    expect(formatPlan(plan, "markdown")).toContain("> Trunk `Carrier inbound` (`ST_platform`) is not declared by this source");
  });

  it("unread, are refused with the rules naming them and both ways on", () => {
    expect(unreadTrunksError("team-sales", externalTrunkIds(config)).message).toBe(
      "team-sales: its dispatch rules name inbound trunks it does not declare, so the calls that reach them cannot be shown:\n" +
        '  ST_platform, named by rule "A", rule "B"\n' +
        "Read them from the LiveKit project with --trunks-from-livekit (credentials: --url, --api-key, --api-secret or LIVEKIT_URL, " +
        "LIVEKIT_API_KEY, LIVEKIT_API_SECRET; read-only), or pass --allow-unread-trunks to review the rules without those calls.",
    );
  });
});
