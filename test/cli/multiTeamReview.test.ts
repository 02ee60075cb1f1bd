import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SipClient } from "livekit-server-sdk";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { gitRepo } from "../routing/support/gitRepo";
import { livekitEnv, runCli } from "../tools/export/support/runCli";

/**
 * `livekit-sip plan`, `diff` and `simulate` of a team stack of examples/multi-team, as processes
 * (run `npm run build` first): its rules sit on the platform stack's trunks, named through a
 * StackReference. The platform's outputs come from `--stack-outputs` (what `pulumi stack output
 * --json` prints), its trunks from the LiveKit project (`--trunks-from-livekit`); what a reviewer
 * sees when either is missing is a refusal that says what to add, never a route shown as dropped.
 */

const root = join(__dirname, "..", "..");
const team = (name: string) => join(root, "examples", "multi-team", name);
const offline = { NODE_OPTIONS: `--require ${join(__dirname, "..", "routing", "support", "noNetwork.js")}` };
const PLATFORM = "organization/telephony-platform/dev";

const scratch = mkdtempSync(join(tmpdir(), "multi-team-review-"));
let emulator: RunningEmulator;
let trunkId: string;
/** `pulumi stack output --json` of the platform, as CI would write it. */
let outputsFile: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const sip = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
  // The platform stack's trunk, as its `up` left it in LiveKit.
  const trunk = await sip.createSipInboundTrunk("Carrier inbound", ["+14155550100", "+14155550111", "+14155550121", "+14155550122"], {
    allowedAddresses: ["54.172.60.0/30"],
    authUsername: "livekit-shared",
    authPassword: "carrier-password",
  });
  trunkId = trunk.sipTrunkId;
  outputsFile = join(scratch, "platform-outputs.json");
  writeFileSync(
    outputsFile,
    JSON.stringify({ inboundTrunkId: trunkId, outboundTrunkId: "ST_outboundxxxx", mainNumber: "+14155550100", teamNumbers: { sales: ["+14155550111"], support: ["+14155550121", "+14155550122"] } }),
  );
});
afterAll(async () => {
  await emulator?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const live = () => livekitEnv(emulator);

describe("a team stack whose trunks are the platform's", () => {
  it("without the platform's outputs: refused offline, naming the unknown arguments, the stack and how to give its outputs", async () => {
    const run = await runCli(["plan", team("team-sales"), "--stack", "dev"], { env: offline });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `livekit-sip: ${team("team-sales")} declares values that are not known offline, so its routing cannot be shown:\n` +
        `  DispatchRule "sales-direct": numbers, trunkIds\n` +
        `  DispatchRule "sales-main-line": numbers, trunkIds\n` +
        `The program reads the outputs of stack ${PLATFORM} (a StackReference). Give them with --stack-outputs ${PLATFORM}=<file>, ` +
        `the file written by \`pulumi stack output --json --stack ${PLATFORM}\`.\n`,
    );
  });

  it("with the outputs but not the trunks: refused offline, naming the trunk and its rules and both ways on", async () => {
    const run = await runCli(["plan", team("team-sales"), "--stack", "dev", "--stack-outputs", `${PLATFORM}=${outputsFile}`], { env: offline });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`  ${trunkId}, named by rule "Sales direct lines", rule "Sales on the main number"\n`);
    expect(run.stderr).toContain("--trunks-from-livekit");
    expect(run.stderr).toContain("--allow-unread-trunks");
  });

  it("with --allow-unread-trunks: the plan says at its top that those calls are not shown", async () => {
    const run = await runCli(["plan", team("team-sales"), "--stack", "dev", "--stack-outputs", outputsFile, "--allow-unread-trunks", "--format", "markdown"], { env: offline });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain(`> Trunks \`${trunkId}\` are not declared by this source and were not read (--allow-unread-trunks): calls through them are not shown.`);
  });

  it("with the outputs and the trunks read from LiveKit: every route, number → platform trunk → team rule → room and agent", async () => {
    const run = await runCli(["plan", team("team-sales"), "--stack", "dev", "--stack-outputs", outputsFile, "--trunks-from-livekit", "--format", "markdown"], { env: live() });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const plan = run.stdout;
    expect(plan).toContain(`> Trunk \`Carrier inbound\` (\`${trunkId}\`) is not declared by this source: it is read from the LiveKit project at ${emulator.url} as it is now.`);
    const section = (number: string) => plan.slice(plan.indexOf(`### Calls to \`${number}\``)).split("\n### ")[0];
    expect(section("+14155550111")).toContain(`Trunk \`Carrier inbound\` (\`${trunkId}\`): callers: any; addresses: \`54.172.60.0/30\`; auth: digest (user \`livekit-shared\`)`);
    expect(section("+14155550111")).toMatch(/\| 1 \| `Sales direct lines` \| this trunk \| any \| none \| `sales_<caller>_<random>` \| `sales-agent-dev` \|/);
    expect(section("+14155550100")).toMatch(/\| 1 \| `Sales on the main number` \| this trunk \| any \| required \| `sales-main_<caller>_<random>` \| `sales-agent-dev` \|/);
    // The platform's other numbers reach no rule of this team: said, as they would be dropped were this the only stack.
    expect(section("+14155550121")).toContain("No dispatch rule applies");
    // The flowchart draws the whole route.
    expect(plan).toMatch(/\["trunk Carrier inbound[^"]*"\]/);
  });

  it("simulates a call to a sales number through the platform's trunk", async () => {
    const run = await runCli(
      ["simulate", team("team-sales"), "--stack", "dev", "--stack-outputs", outputsFile, "--trunks-from-livekit", "--to", "+14155550111", "--from", "+15105550000", "--source-ip", "54.172.60.1"],
      { env: live() },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Lands in room sales_+15105550000_<random> with agent sales-agent-dev (trunk Carrier inbound, rule Sales direct lines).");
    expect(run.stderr).toContain(`note: Trunk Carrier inbound (${trunkId}) is not declared by this source`);
  });

  it("fails as the engine would when the outputs lack one the program requires, rather than leave its rule out", async () => {
    const { mainNumber, ...rest } = JSON.parse(readFileSync(outputsFile, "utf8"));
    void mainNumber;
    const partial = join(scratch, "partial-outputs.json");
    writeFileSync(partial, JSON.stringify(rest));
    const run = await runCli(["plan", team("team-sales"), "--stack", "dev", "--stack-outputs", partial, "--allow-unread-trunks"], { env: offline });
    expect(run).toMatchObject({
      code: 1,
      stderr:
        `livekit-sip: DispatchRule "sales-main-line": error serializing property "numbers": Required output 'mainNumber' does not exist on stack '${PLATFORM}'.\n` +
        "The outputs given for it (--stack-outputs) lack this one: were they written from that stack, after its last `pulumi up`?\n",
    });
  });

  it("refuses a trunk ID LiveKit does not have (outputs of the wrong stack), naming it", async () => {
    const wrong = join(scratch, "wrong-outputs.json");
    writeFileSync(wrong, JSON.stringify({ ...JSON.parse(readFileSync(outputsFile, "utf8")), inboundTrunkId: "ST_notthereatal" }));
    const run = await runCli(["plan", team("team-sales"), "--stack", "dev", "--stack-outputs", wrong, "--trunks-from-livekit"], { env: live() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`inbound trunks that the LiveKit project at ${emulator.url} does not have`);
    expect(run.stderr).toContain('  ST_notthereatal, named by rule "Sales direct lines", rule "Sales on the main number"');
  });

  it("diffs a team's pull request between git revisions with the platform's trunk read once for both sides", async () => {
    const repo = join(scratch, "repo");
    const git = gitRepo(repo);
    cpSync(team("team-support"), join(repo, "team-support"), { recursive: true });
    git("add", ".");
    git("commit", "-qm", "base");
    const config = join(repo, "team-support", "Pulumi.dev.yaml");
    writeFileSync(config, readFileSync(config, "utf8").replace("support-agent-dev", "support-agent-v2"));
    const run = await runCli(
      ["diff", "--git", "HEAD", "team-support", "--stack", "dev", "--stack-outputs", outputsFile, "--trunks-from-livekit", "--format", "json"],
      { env: live(), cwd: repo },
    );
    expect(run.code).toBe(0);
    const { changes } = JSON.parse(run.stdout) as { changes: { kind: string; message: string }[] };
    // Calls to the support numbers now reach the new agent: seen only because the trunk is known.
    expect(changes.filter((c) => c.kind === "call-route").map((c) => c.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Calls to `\+14155550121` now land in room `support_<caller>_<random>` \(agent `support-agent-v2`\)/)]),
    );
    expect(changes.some((c) => c.kind === "agent-changed")).toBe(true);
  });
});
