import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { PulumiStack } from "./pulumiCli";

/**
 * Broken programs through the real CLI: `pulumi preview` must fail with our message, naming the
 * resource and the property, before LiveKit receives a single request, and `pulumi up` must stop
 * before creating anything.
 */

jest.setTimeout(120_000);

const project = (name: string) => `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n`;

const programs: { name: string; code: string; messages: RegExp[] }[] = [
  {
    name: "duplicated-pin",
    code: `
const { DispatchRule, InboundTrunk } = require("pulumi-livekit-sip");
const trunk = new InboundTrunk("office", { numbers: ["+14155550100"], allowedAddresses: ["192.0.2.1"] });
new DispatchRule("sales", { trunkIds: [trunk.sipTrunkId], rule: { type: "direct", roomName: "sales", pin: "1234" } });
new DispatchRule("support", { trunkIds: [trunk.sipTrunkId], rule: { type: "direct", roomName: "support", pin: "1234" } });
`,
    messages: [/support.*rule\.pin.*pin "1234" on trunk "office" .*already used by dispatch rule "sales"/s],
  },
  {
    name: "non-e164-number",
    code: `
const { InboundTrunk } = require("pulumi-livekit-sip");
new InboundTrunk("carrier", { numbers: ["4155550100"], allowedAddresses: ["192.0.2.1"] });
`,
    messages: [/carrier.*numbers\[0\].*E\.164/s],
  },
  {
    name: "krisp-on-outbound",
    code: `
const { OutboundTrunk } = require("pulumi-livekit-sip");
new OutboundTrunk("dialer", { address: "sip.example.com", numbers: ["+14155550100"], krispEnabled: true });
`,
    messages: [/dialer.*krispEnabled/s],
  },
];

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator?.close());

describe.each(programs)("a program with $name, through the real pulumi CLI", ({ name, code, messages }) => {
  let stack: PulumiStack;
  beforeAll(async () => {
    stack = await PulumiStack.create(name, { files: { "Pulumi.yaml": project(name), "index.js": code } });
    await stack.configSet("livekit:url", emulator.url);
    await stack.configSet("livekit:apiKey", emulator.apiKey);
    await stack.configSet("livekit:apiSecret", emulator.apiSecret, { secret: true });
  }, 60_000);
  afterAll(() => stack?.remove());

  it("fails preview with our message, and LiveKit receives no write", async () => {
    const writes = () => Object.entries(emulator.stats().byMethod).filter(([method]) => !/^(Get|List)/.test(method));
    const before = writes();
    const preview = await stack.pulumi(["preview", "--stack", stack.stack], { allowFailure: true });
    expect(preview.code).not.toBe(0);
    const output = preview.stdout + preview.stderr;
    for (const message of messages) expect(output).toMatch(message);
    expect(writes()).toEqual(before);
  });

  it("fails `pulumi up` in its preview, before anything is created", async () => {
    const up = await stack.pulumi(["up", "--yes", "--stack", stack.stack], { allowFailure: true });
    expect(up.code).not.toBe(0);
    expect(emulator.stats().byMethod).not.toHaveProperty("CreateSIPInboundTrunk");
    expect(emulator.stats().byMethod).not.toHaveProperty("CreateSIPOutboundTrunk");
    expect(emulator.stats().byMethod).not.toHaveProperty("CreateSIPDispatchRule");
  });
});
