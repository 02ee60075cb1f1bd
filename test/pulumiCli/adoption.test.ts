import { SipClient } from "livekit-server-sdk";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { PulumiStack, steps } from "./pulumiCli";

/**
 * Taking over objects that already exist in LiveKit, through the real CLI: `adoptId` works;
 * Pulumi's own import (the `pulumi import` command and the `import` resource option) cannot work
 * for dynamic resources, and says so.
 */

jest.setTimeout(120_000);

const project = "name: adoption\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n";
const program = (args: string, opts = "{}") => `
const pulumi = require("@pulumi/pulumi");
const { InboundTrunk } = require("pulumi-livekit-sip");
const config = new pulumi.Config();
const trunk = new InboundTrunk("office", {
  name: "Office (managed)",
  numbers: ["+14155550100"],
  allowedAddresses: ["192.0.2.1"],
  ${args}
}, ${opts});
exports.trunkId = trunk.sipTrunkId;
`;

let emulator: RunningEmulator;
let existingId: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const sip = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
  existingId = (await sip.createSipInboundTrunk("Office (dashboard)", ["+14155550100"], { allowedAddresses: ["192.0.2.1"] })).sipTrunkId;
});
afterAll(() => emulator?.close());

async function stackWith(name: string, args: string, opts?: string): Promise<PulumiStack> {
  const stack = await PulumiStack.create(name, { files: { "Pulumi.yaml": project, "index.js": program(args, opts) } });
  await stack.configSet("livekit:url", emulator.url);
  await stack.configSet("livekit:apiKey", emulator.apiKey);
  await stack.configSet("livekit:apiSecret", emulator.apiSecret, { secret: true });
  await stack.configSet("importId", existingId);
  return stack;
}

describe("adoptId through the real pulumi CLI", () => {
  let stack: PulumiStack;
  beforeAll(async () => {
    stack = await stackWith("adopt", "adoptId: config.require(\"importId\"),");
  }, 60_000);
  afterAll(() => stack?.remove());

  it("the first up takes over the existing object in place: no create, same ID, desired settings applied", async () => {
    emulator.resetStats();
    const up = await stack.up();
    expect(steps(up.events)).toEqual(["create InboundTrunk office"]);
    expect(emulator.stats().byMethod).not.toHaveProperty("CreateSIPInboundTrunk");
    expect(await stack.outputs()).toEqual({ trunkId: existingId });
    expect(emulator.store.list("inboundTrunk")).toEqual([expect.objectContaining({ sip_trunk_id: existingId, name: "Office (managed)" })]);
  });

  it("the next preview proposes nothing", async () => {
    expect((await stack.preview(["--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("destroy deletes the adopted object like any other", async () => {
    await stack.destroy();
    expect(emulator.store.list("inboundTrunk")).toEqual([]);
  });
});

describe("Pulumi's import through the real pulumi CLI", () => {
  let stack: PulumiStack;
  beforeAll(async () => {
    const sip = new SipClient(emulator.url, emulator.apiKey, emulator.apiSecret);
    existingId = (await sip.createSipInboundTrunk("Office (dashboard)", ["+14155550100"], { allowedAddresses: ["192.0.2.1"] })).sipTrunkId;
    stack = await stackWith("import", "");
  }, 60_000);
  afterAll(() => stack?.remove());

  it("`pulumi import` fails (Pulumi's dynamic-provider host cannot read without the provider's code) and changes nothing", async () => {
    const result = await stack.pulumi(["import", "pulumi-nodejs:dynamic/livekit:InboundTrunk", "office", existingId, "--yes", "--stack", stack.stack], { allowFailure: true });
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/code must be a string, not undefined/);
    expect(await stack.exportText()).not.toContain(existingId);
    expect(emulator.store.list("inboundTrunk")).toEqual([expect.objectContaining({ sip_trunk_id: existingId, name: "Office (dashboard)" })]);
  });

  it("the `import` resource option fails preview with our message pointing at adoptId", async () => {
    const withOption = await stackWith("import-option", "", '{ import: config.require("importId") }');
    try {
      const preview = await withOption.pulumi(["preview", "--stack", withOption.stack], { allowFailure: true });
      expect(preview.code).not.toBe(0);
      expect(preview.stdout + preview.stderr).toContain(
        `InboundTrunk "office": the \`import\` resource option cannot work for Pulumi dynamic resources; set \`adoptId: "${existingId}"\` in its arguments instead`,
      );
    } finally {
      withOption.remove();
    }
  });
});
