import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { provider } from "../../src/provider/index";
import { checkDesired } from "../../src/tools/offline/checkDesired";
import type { DesiredResource } from "../../src/tools/offline/desiredResource";
import { runCli } from "../tools/export/support/runCli";

/**
 * plan, diff and simulate run the provider's own check over what a program declares: the same
 * errors and warnings as `pulumi preview`, every failure in one pass, and arguments seen as the
 * provider normalises them.
 */

const root = join(__dirname, "..", "..");
const scratch = join(root, ".fixtures", `one-validation-path-${process.pid}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function program(name: string, body: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "Pulumi.yaml"), `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n`);
  writeFileSync(join(dir, "index.js"), `const { DispatchRule, InboundTrunk } = require("pulumi-livekit-sip");\n${body}`);
  return dir;
}

const trunk = `const trunk = new InboundTrunk("office", { numbers: ["+14155550100"], allowedAddresses: ["192.0.2.1"] });\n`;

it("a pin used twice on one trunk is an error, worded as pulumi preview words it", async () => {
  const dir = program(
    "duplicated-pin",
    `${trunk}new DispatchRule("sales", { trunkIds: [trunk.sipTrunkId], rule: { type: "direct", roomName: "sales", pin: "1234" } });
new DispatchRule("support", { trunkIds: [trunk.sipTrunkId], rule: { type: "direct", roomName: "support", pin: "1234" } });\n`,
  );
  const run = await runCli(["plan", dir]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(
    'DispatchRule "support": rule.pin: pin "1234" on trunk "office" (any caller, any called number) is already used by dispatch rule "sales": LiveKit rejects two rules for the same trunk, numbers and pin',
  );
});

it("reports every failure of every resource in one pass", async () => {
  const dir = program(
    "several-failures",
    `new InboundTrunk("carrier", { numbers: ["4155550100"], allowedAddresses: ["192.0.2.1"], krispEnabled: "yes" });
new DispatchRule("lobby", { rule: { type: "direct", roomName: "lobby", pin: "12ab" } });\n`,
  );
  const run = await runCli(["plan", dir]);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/would fail pulumi preview \(3 problems\)/);
  expect(run.stderr).toContain('InboundTrunk "carrier": numbers[0]:');
  expect(run.stderr).toContain('InboundTrunk "carrier": krispEnabled:');
  expect(run.stderr).toContain('DispatchRule "lobby": rule.pin:');
});

it("sees codecs as the provider normalises them: an accepted alias raises no false warning", async () => {
  const dir = program(
    "codec-alias",
    `${trunk}new DispatchRule("hd", { trunkIds: [trunk.sipTrunkId], rule: { type: "individual", roomPrefix: "call" }, media: { codecs: [{ name: "g.722" }, { name: "pcmu" }] } });\n`,
  );
  const run = await runCli(["plan", dir]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("G722");
  expect(run.stdout).toMatch(/Warnings\n {2}No warnings\./);
});

it("prints the provider's warnings, as pulumi preview logs them", async () => {
  const dir = program(
    "hidden-numbers",
    `${trunk}new DispatchRule("private", { trunkIds: [trunk.sipTrunkId], rule: { type: "individual", roomPrefix: "call" }, hidePhoneNumber: true });\n`,
  );
  const run = await runCli(["plan", dir]);
  expect(run.code).toBe(0);
  expect(run.stderr).toMatch(/^warning: DispatchRule "private": hidePhoneNumber with an individual rule names rooms after the caller's last 4 digits/m);
});

it("gives diff each side's warnings, before side first, and a broken side's own error", async () => {
  // diff evaluates its two sides in two processes at once (review/loadSides.ts).
  const hidden = (name: string) =>
    program(name, `${trunk}new DispatchRule("${name}", { trunkIds: [trunk.sipTrunkId], rule: { type: "individual", roomPrefix: "call" }, hidePhoneNumber: true });\n`);
  const [before, after] = [hidden("before-rule"), hidden("after-rule")];
  const run = await runCli(["diff", before, after]);
  expect(run.code).toBe(0);
  const warned = run.stderr.split("\n").filter((line) => line.startsWith("warning: DispatchRule"));
  expect(warned.map((line) => line.slice(0, line.indexOf(":", 9)))).toEqual(['warning: DispatchRule "before-rule"', 'warning: DispatchRule "after-rule"']);

  const broken = program("broken-side", `${trunk}new DispatchRule("lobby", { rule: { type: "direct", roomName: "lobby", pin: "12ab" } });\n`);
  const failed = await runCli(["diff", before, broken]);
  expect(failed.code).toBe(1);
  expect(failed.stderr).toContain(`${broken} would fail pulumi preview (1 problem)`);
  expect(failed.stderr).toContain('DispatchRule "lobby": rule.pin:');
});

describe("warnings", () => {
  // Each resource with what the provider's check logs for it in pulumi preview.
  const warned: [string, DesiredResource][] = [
    ["AMR-WB offered", { type: "InboundTrunk", name: "wideband", args: { numbers: ["+14155550100"], allowedAddresses: ["192.0.2.1"], media: { codecs: [{ name: "AMR-WB" }] } } }],
    ["hidden numbers with individual rooms", { type: "DispatchRule", name: "private", args: { rule: { type: "individual", roomPrefix: "call", noRandomness: true }, hidePhoneNumber: true } }],
    ["an outbound codec alias", { type: "OutboundTrunk", name: "dialer", args: { address: "sip.example.com", numbers: ["+14155550100"], media: { codecs: [{ name: "g.722" }, { name: "amr-wb" }] } } }],
    ["a phone number routed nowhere", { type: "PhoneNumber", name: "main", args: { phoneNumber: "+14155550100" } }],
    ["nothing to warn about", { type: "DispatchRule", name: "lobby", args: { rule: { type: "direct", roomName: "lobby" } } }],
  ];

  it.each(warned)("are the provider's own: %s", async (_, resource) => {
    const logged: string[] = [];
    const spy = jest.spyOn(console, "warn").mockImplementation((line: string) => void logged.push(line));
    try {
      const result = await provider(resource.type).check!({}, { ...resource.args, __resourceName: resource.name });
      expect(result.failures ?? []).toEqual([]);
    } finally {
      spy.mockRestore();
    }
    const review = checkDesired([resource]);
    expect(review.failures).toEqual([]);
    // Whether the preview could compare with LiveKit is about where it runs, not about the
    // arguments (here, no credentials): the review tools are offline by design.
    const aboutArguments = logged.filter((line) => !line.includes("preview did not compare with what LiveKit holds"));
    expect(review.warnings.map((w) => `warning: ${w}`)).toEqual(aboutArguments);
    expect(aboutArguments.length > 0).toBe(resource.name !== "lobby");
  });

  it("are given for a resource only when it has no failure, as preview does", () => {
    const failing: DesiredResource = { type: "DispatchRule", name: "private", args: { rule: { type: "individual", roomPrefix: "call", pin: "12ab" }, hidePhoneNumber: true } };
    expect(checkDesired([failing])).toMatchObject({ warnings: [], failures: [expect.stringContaining('DispatchRule "private": rule.pin:')] });
  });
});
