import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadDesiredState } from "../../src/tools/offline/desiredState";
import { typeCheckProgram } from "../../src/tools/offline/typeCheck";

/**
 * The control arguments each resource's Args type declares, compiled as a user's TypeScript
 * program is and then evaluated: what the docs promise must type-check and take effect.
 */

const root = join(__dirname, "..", "..");
const scratch = join(root, ".fixtures", `control-args-${process.pid}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function program(name: string, body: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
  writeFileSync(join(dir, "index.ts"), `import { DispatchRule, InboundTrunk, OutboundTrunk, PhoneNumber } from "pulumi-livekit-sip";\n${body}`);
  return dir;
}

it("types allowNonE164Numbers and adoptId on every resource with numbers, and the provider honours them", async () => {
  const dir = program(
    "sip-users",
    `const trunk = new InboundTrunk("pbx", { numbers: ["reception"], allowedAddresses: ["192.0.2.1"], allowNonE164Numbers: true, adoptId: "ST_abc123" });
new OutboundTrunk("dialer", { address: "pbx.example.com", numbers: ["1001"], allowNonE164Numbers: true });
new DispatchRule("desk", { trunkIds: [trunk.sipTrunkId], numbers: ["reception"], rule: { type: "direct", roomName: "desk" }, allowNonE164Numbers: true, adoptId: "SDR_abc123" });
new PhoneNumber("main", { phoneNumber: "+14155550100", adoptId: "PN_abc123" });
`,
  );
  expect(typeCheckProgram(join(dir, "index.ts"))).toEqual([]);
  const resources = await loadDesiredState(dir);
  expect(resources.map((r) => [r.name, r.allowNonE164Numbers, r.adoptId])).toEqual([
    ["pbx", true, "ST_abc123"],
    ["dialer", true, undefined],
    ["desk", true, "SDR_abc123"],
    ["main", undefined, "PN_abc123"],
  ]);
});

it("refuses a control argument of the wrong type at compile time, and a misspelt one", () => {
  const dir = program(
    "wrong-controls",
    `new InboundTrunk("pbx", { numbers: ["+14155550100"], allowedAddresses: ["192.0.2.1"], allowNonE164Numbers: "yes" });
new OutboundTrunk("dialer", { address: "pbx.example.com", numbers: ["+14155550100"], adoptID: "ST_abc123" });
`,
  );
  const errors = typeCheckProgram(join(dir, "index.ts"));
  expect(errors).toEqual([
    expect.stringMatching(/index\.ts:2:\d+ - error TS2322: Type 'string' is not assignable to type 'Input<boolean/),
    expect.stringMatching(/index\.ts:3:\d+ - error TS2561: Object literal may only specify known properties, but 'adoptID' does not exist .* Did you mean to write 'adoptId'\?/),
  ]);
});
