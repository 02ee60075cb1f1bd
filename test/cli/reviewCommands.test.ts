import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../tools/export/support/runCli";
import { gitRepo } from "../routing/support/gitRepo";
import { editedProd, PROD_STACK, type Spec, withoutAuth } from "../routing/support/editedStack";

/**
 * `livekit-sip plan`, `diff` and `simulate` as processes (run `npm run build` first), with no
 * LIVEKIT_* variables and every network API made to throw (test/routing/support/noNetwork.js).
 */

const root = join(__dirname, "..", "..");
const example = (name: string) => join(root, "examples", name);
const offline = { NODE_OPTIONS: `--require ${join(__dirname, "..", "routing", "support", "noNetwork.js")}` };
const cli = (args: string[], cwd?: string) => runCli(args, { env: offline, cwd });

const scratch = mkdtempSync(join(tmpdir(), "review-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const prod = (name: string, edit: (spec: Spec) => void) => editedProd(scratch, name, edit);

describe("livekit-sip plan", () => {
  it("evaluates a program and a spec without credentials or network", async () => {
    const [program, spec] = await Promise.all([
      cli(["plan", example("inbound-receptionist"), "--stack", "dev", "--format", "markdown"]),
      cli(["plan", PROD_STACK, "--format", "json"]),
    ]);
    for (const run of [program, spec]) expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(program.stdout).toContain(
      "| 1 | `AI receptionist` | this trunk | any | none | `call_<caller>_<random>` | `receptionist-dev` | on | defaults + G722/8000, PCMU/8000 | disable |",
    );
    const plan = JSON.parse(spec.stdout);
    expect(plan.entries.map((e: { calledNumber: string | null }) => e.calledNumber)).toEqual(["+14155550100", "+14155550101", null]);
  });

  it("is checked by a guard that does catch network access", async () => {
    const drift = await runCli(["drift", PROD_STACK], {
      env: { ...offline, LIVEKIT_URL: "http://127.0.0.1:9", LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "s", CI: "true" },
    });
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain("NETWORK ACCESS ATTEMPTED");
  });

  it("explains a program whose stack config was not given", async () => {
    const run = await cli(["plan", example("inbound-receptionist")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("No stack config was read: pass --stack <name> or --config-file <file>.");
  });
});

describe("livekit-sip diff", () => {
  it("exits with 2 on risky changes only with --fail-on-risk, and 0 when nothing risky changed", async () => {
    const dev = join(root, "Pulumi.dev.yaml");
    const quieter = prod("krisp-off", (spec) => (spec.inboundTrunks.main.krispEnabled = false));
    const [failing, reporting, unchanged, safe] = await Promise.all([
      cli(["diff", dev, PROD_STACK, "--fail-on-risk"]),
      cli(["diff", dev, PROD_STACK]),
      cli(["diff", PROD_STACK, PROD_STACK, "--fail-on-risk"]),
      cli(["diff", PROD_STACK, quieter, "--fail-on-risk", "--format", "json"]),
    ]);
    expect(failing).toMatchObject({ code: 2, stderr: "" });
    expect(failing.stdout).toMatch(/^ROUTING CHANGES\n5 risky changes, 13 other changes\.\n\nRISKY\n {2}! Calls to \+14155550100 now land in room call_/);
    expect(reporting).toMatchObject({ code: 0, stdout: failing.stdout });
    expect(unchanged).toMatchObject({ code: 0, stdout: "ROUTING CHANGES\nNo routing changes.\n" });
    expect(safe.code).toBe(0);
    expect(JSON.parse(safe.stdout)).toEqual({
      risky: false,
      changes: [{ kind: "krisp-changed", risky: false, message: "Trunk `Twilio inbound`: Krisp noise cancellation turned off" }],
    });
  });

  describe("between git revisions", () => {
    const repo = join(scratch, "repo");
    const receptionistConfig = join(repo, "examples", "inbound-receptionist", "Pulumi.dev.yaml");

    beforeAll(() => {
      const git = gitRepo(repo);
      cpSync(PROD_STACK, join(repo, "Pulumi.prod.yaml"));
      mkdirSync(join(repo, "examples"));
      for (const file of ["Pulumi.yaml", "Pulumi.dev.yaml", "index.ts"]) {
        cpSync(join(example("inbound-receptionist"), file), join(repo, "examples", "inbound-receptionist", file), { recursive: true });
      }
      git("add", ".");
      git("commit", "-qm", "base");
      cpSync(prod("git-auth-removed", withoutAuth), join(repo, "Pulumi.prod.yaml"));
      git("commit", "-qam", "drop auth");
      // Uncommitted: the working tree is the head when only a base revision is given.
      writeFileSync(receptionistConfig, readFileSync(receptionistConfig, "utf8").replace("receptionist-dev", "receptionist-v2"));
    });

    it("compares a spec file at two revisions, given as a range or as --base-ref/--head-ref", async () => {
      const [range, refs] = await Promise.all([
        cli(["diff", "--git", "HEAD~1..HEAD", "Pulumi.prod.yaml", "--fail-on-risk"], repo),
        cli(["diff", "--base-ref", "HEAD~1", "--head-ref", "HEAD", "Pulumi.prod.yaml", "--fail-on-risk"], repo),
      ]);
      expect(range).toMatchObject({ code: 2, stderr: "" });
      expect(range.stdout).toContain("! Trunk Twilio inbound no longer requires digest auth (was: user livekit-prod)");
      expect(refs).toEqual(range);
    });

    it("compares a program at a revision with the working tree, though neither has its dependencies installed", async () => {
      const run = await cli(["diff", "--git", "HEAD", "examples/inbound-receptionist", "--stack", "dev", "--format", "markdown"], repo);
      expect(run).toMatchObject({ code: 0, stderr: "" });
      expect(run.stdout).toContain(
        "- Calls to `+14155550100` now land in room `call_<caller>_<random>` (agent `receptionist-v2`) without a pin (was: room `call_<caller>_<random>` (agent `receptionist-dev`), no pin)",
      );
    });
  });

  it("says what it needs when sources and revisions do not fit together", async () => {
    const [one, three, both] = await Promise.all([
      cli(["diff", PROD_STACK]),
      cli(["diff", "--git", "HEAD", PROD_STACK, PROD_STACK]),
      cli(["diff", "--git", "HEAD", "--base-ref", "HEAD", PROD_STACK]),
    ]);
    expect(one).toMatchObject({ code: 1, stderr: "livekit-sip: give two sources, before and after, or one with --git <base>..<head> (got 1)\n" });
    expect(three).toMatchObject({ code: 1, stderr: "livekit-sip: with git revisions, give one source (got 2)\n" });
    expect(both).toMatchObject({ code: 1, stderr: "livekit-sip: give either --git or --base-ref/--head-ref, not both\n" });
  });
});

describe("livekit-sip simulate", () => {
  it("follows one call through a program: trunk, winning rule, room, identity and attributes", async () => {
    const call = ["--to", "+14155550100", "--from", "+15105551234", "--source-ip", "54.172.60.1"];
    const [json, text] = await Promise.all([
      cli(["simulate", example("inbound-receptionist"), "--stack", "dev", ...call, "--format", "json"]),
      cli(["simulate", example("inbound-receptionist"), "--stack", "dev", ...call]),
    ]);
    expect(json).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(json.stdout)).toMatchObject({
      outcome: "room",
      trunk: { matched: { id: "trunk:twilio", name: "Twilio inbound" }, matchType: "specific" },
      auth: { required: true, username: "livekit" },
      rule: { id: "rule:receptionist", name: "AI receptionist" },
      room: {
        roomName: "call_+15105551234_<random>",
        participantIdentity: "sip_+15105551234",
        participantAttributes: { "sip.trunkID": "trunk:twilio", "sip.ruleID": "rule:receptionist", "sip.phoneNumber": "+15105551234" },
        agents: ["receptionist-dev"],
      },
      krisp: true,
    });
    expect(text.stdout).toMatch(/^SIMULATED CALL\n {2}Lands in room call_\+15105551234_<random> with agent receptionist-dev \(trunk Twilio inbound, rule AI receptionist\)\.\n/);
  });

  it("takes a pin, and # for pressing # alone", async () => {
    const call = (pin: string) => cli(["simulate", PROD_STACK, "--to", "+14155550101", "--from", "+15105551234", "--pin", pin, "--format", "json"]);
    const [right, hash] = await Promise.all([call("4321"), call("#")]);
    expect(JSON.parse(right.stdout)).toMatchObject({ outcome: "room", room: { roomName: "staff-line" } });
    expect(JSON.parse(hash.stdout)).toMatchObject({ outcome: "wrong-pin", call: { noPin: true, pin: "" } });
  });
});
