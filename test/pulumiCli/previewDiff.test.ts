import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { PulumiStack, rootProject } from "./pulumiCli";
import { rootCases } from "./stackCases";

/**
 * docs/pulumi-cli.md shows what `pulumi preview --diff` prints for an update of the root dev stack;
 * this test produces it with the real CLI and keeps the sample true.
 */

jest.setTimeout(120_000);

const doc = join(__dirname, "..", "..", "docs", "pulumi-cli.md");
const START = "<!-- preview-diff-sample:start -->";
const END = "<!-- preview-diff-sample:end -->";

/** LiveKit's generated IDs differ from run to run. */
const normalise = (text: string) =>
  text
    .replace(/\b(ST|SDR)_[A-Za-z0-9]{12}\b/g, "$1_…")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();

let emulator: RunningEmulator;
let stack: PulumiStack;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  stack = await PulumiStack.create("preview-diff", rootProject("dev"), "dev");
  await stack.configSet("livekit:url", emulator.url);
  await stack.configSet("livekit:apiKey", emulator.apiKey);
  await stack.configSet("livekit:apiSecret", emulator.apiSecret, { secret: true });
  await stack.configSet("livekit-telephony:devTrunkPassword", "first-password", { secret: true });
  await stack.up();
}, 60_000);
afterAll(async () => {
  await emulator?.close();
  stack?.remove();
});

it("pulumi preview --diff shows each changed field, masks secrets, and never shows __provider", async () => {
  stack.editConfig(rootCases[0].change);
  await stack.configSet("livekit-telephony:devTrunkPassword", "rotated-password", { secret: true });
  const { stdout } = await stack.pulumi(["preview", "--diff", "--stack", "dev"]);
  expect(stdout).not.toContain("__provider");
  expect(stdout).not.toContain("rotated-password");
  const text = readFileSync(doc, "utf8");
  const sample = text.slice(text.indexOf(START) + START.length, text.indexOf(END)).replace(/^\s*```text\n/, "").replace(/```\s*$/, "");
  expect(normalise(stdout)).toBe(normalise(sample));
});

it("the rotated password, which the diff cannot show, reaches LiveKit on up", async () => {
  await stack.up();
  expect(emulator.store.list("inboundTrunk")[0]).toMatchObject({ auth_password: "rotated-password" });
});
