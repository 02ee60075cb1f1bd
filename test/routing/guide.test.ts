import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import {
  buildRoutingPlan,
  diffRouting,
  formatDiff,
  formatPlan,
  formatSimulation,
  loadRoutingConfig,
  simulateCall,
} from "../../src/routing";
import { editedProd, PROD_STACK, withoutAuth } from "./support/editedStack";
import { gitRepo } from "./support/gitRepo";

/**
 * docs/reviewing-dispatch-changes.md: its output samples are what the commands print, and its
 * GitHub Actions workflow works as far as it runs outside GitHub (the review script in a
 * pull-request checkout, with `npx livekit-sip` the built CLI; the comment script parsed).
 */

const root = join(__dirname, "..", "..");
const guide = readFileSync(join(root, "docs", "reviewing-dispatch-changes.md"), "utf8");
const workflowText = /```yaml\n(# \.github\/workflows\/telephony-review\.yml\n[\s\S]*?)```/.exec(guide)?.[1];

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: { script?: string };
}
it("shows the workflow file users copy, exactly", () => {
  expect(workflowText).toBe(readFileSync(join(root, "examples", "github-actions", "telephony-review.yml"), "utf8"));
});

const steps = (parse(workflowText ?? "") as { jobs: { routing: { steps: Step[] } } }).jobs.routing.steps;

const scratch = mkdtempSync(join(tmpdir(), "review-workflow-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A checkout of a pull request that removes auth from the prod trunk; dev is unchanged. */
function pullRequestCheckout(): string {
  const repo = join(scratch, "repo");
  const git = gitRepo(repo);
  cpSync(join(root, "Pulumi.dev.yaml"), join(repo, "Pulumi.dev.yaml"));
  cpSync(PROD_STACK, join(repo, "Pulumi.prod.yaml"));
  git("add", ".");
  git("commit", "-qm", "base");
  cpSync(editedProd(scratch, "no-auth", withoutAuth), join(repo, "Pulumi.prod.yaml"));
  return repo;
}

/** `npx livekit-sip …` as the installed package would run it. */
function npxShim(): string {
  const bin = join(scratch, "bin");
  mkdirSync(bin);
  const cli = join(root, "dist", "cli", "main.js");
  writeFileSync(join(bin, "npx"), `#!/bin/sh\n[ "$1" = livekit-sip ] || exit 127\nshift\nexec "${process.execPath}" "${cli}" "$@"\n`);
  chmodSync(join(bin, "npx"), 0o755);
  return bin;
}

describe("the pull-request workflow in the guide", () => {
  it("writes the comment with each stack's diff and plan, and flags the risky one", () => {
    const script = steps.find((s) => s.id === "review")?.run;
    expect(script).toBeDefined();
    const repo = pullRequestCheckout();
    const output = join(scratch, "github-output");
    writeFileSync(output, "");
    execFileSync("bash", ["-e", "-c", script!], {
      cwd: repo,
      env: { PATH: `${npxShim()}:${process.env.PATH}`, BASE: "HEAD", STACKS: "dev prod", GITHUB_OUTPUT: output },
      stdio: "pipe",
    });
    const comment = readFileSync(join(repo, "review.md"), "utf8");
    expect(comment.startsWith("<!-- livekit-sip routing review -->\n# Stack `dev`\n\n## Routing changes\n\nNo routing changes.\n")).toBe(true);
    expect(comment).toContain("# Stack `prod`\n\n## Routing changes\n\n");
    expect(comment).toContain("- Trunk `Twilio inbound` no longer requires digest auth (was: user `livekit-prod`)");
    expect(comment.match(/<details><summary>Routing plan of <code>(dev|prod)<\/code> with this change<\/summary>\n\n## Inbound routing plan\n/g)).toHaveLength(2);
    expect(comment).toContain("auth: none");
    expect(readFileSync(output, "utf8")).toBe("risky=true\n");
  });

  it("has a comment script that parses, and fails the check only after commenting", () => {
    const commentStep = steps.findIndex((s) => s.uses?.startsWith("actions/github-script@"));
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
    expect(() => new AsyncFunction("github", "context", "require", steps[commentStep].with?.script)).not.toThrow();
    expect(steps.slice(commentStep + 1).map((s) => s.run?.trim().split("\n").at(-1))).toEqual(["exit 1"]);
  });
});

describe("the output samples in the guide", () => {
  const samples = [...guide.matchAll(/```(\w*)\n([\s\S]*?)```/g)].filter((m) => m[1] === "" || m[1] === "md").map((m) => m[2]);
  const sample = (start: string) => samples.find((text) => text.startsWith(start)) ?? "";
  /** Lines of a shortened sample, each as the command prints it ("…" stands for what was cut). */
  const linesOf = (text: string) => text.split("\n").filter((line) => line.trim() !== "" && line.trim() !== "…");

  it("show the receptionist's plan as printed", async () => {
    const config = await loadRoutingConfig({ path: join(root, "examples", "inbound-receptionist"), stack: "dev" });
    expect(formatPlan(buildRoutingPlan(config), "markdown")).toContain(sample("### Calls to `+14155550100`"));
    const picture = /```mermaid\n[\s\S]*?```/.exec(guide)?.[0];
    expect(picture).toBeDefined();
    expect(formatPlan(buildRoutingPlan(config), "markdown")).toContain(picture);
    const simulation = simulateCall(config, { calledNumber: "+14155550100", callerNumber: "+15105551234", sourceIp: "54.172.60.1" });
    const printed = formatSimulation(simulation, "text");
    expect(linesOf(sample("SIMULATED CALL")).filter((line) => !printed.includes(line))).toEqual([]);
  });

  it("show diffs as printed", async () => {
    const [dev, prod] = [await loadRoutingConfig({ path: join(root, "Pulumi.dev.yaml") }), await loadRoutingConfig({ path: PROD_STACK })];
    const krispOff = await loadRoutingConfig({ path: editedProd(scratch, "krisp-off", (spec) => (spec.inboundTrunks.main.krispEnabled = false)) });
    expect(formatDiff(diffRouting(prod, krispOff), "text")).toBe(sample("ROUTING CHANGES"));
    const printed = formatDiff(diffRouting(dev, prod), "markdown");
    expect(linesOf(sample("### ⚠️ Risky")).filter((line) => !printed.includes(line))).toEqual([]);
  });
});
