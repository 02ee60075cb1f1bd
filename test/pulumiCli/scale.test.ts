import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { auditEstate, stateFromExport } from "../support/estateAudit";
import { loadSpec } from "../support/loadSpec";
import { PulumiStack, steps } from "./pulumiCli";

/**
 * 200 trunks and rules through the real CLI at the engine's default parallelism, while a fifth of
 * LiveKit's answers fail or are lost: every resource is created exactly once, and destroy leaves
 * nothing behind.
 */

jest.setTimeout(300_000);

const project = "name: scale\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n";
const program = `const { TelephonyStack } = require("pulumi-livekit-sip");\nTelephonyStack.fromConfig("telephony");\n`;
const spec = loadSpec({ trunks: 80, outbound: 40 });

let emulator: RunningEmulator;
let stack: PulumiStack;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  stack = await PulumiStack.create("scale", { files: { "Pulumi.yaml": project, "index.js": program } });
  await stack.configSet("livekit:url", emulator.url);
  await stack.configSet("livekit:apiKey", emulator.apiKey);
  await stack.configSet("livekit:apiSecret", emulator.apiSecret, { secret: true });
  await stack.configSet("livekit:maxRetries", "8");
  stack.editConfig({ "scale:telephony": spec });
}, 60_000);
afterAll(async () => {
  await emulator?.close();
  stack?.remove();
});

it("up creates 200 resources exactly once while 20% of requests fail, and destroy removes them all", async () => {
  emulator.setFaults({ rate: 0.2, seed: 11, kinds: ["unavailable", "rate_limited", "drop"], methods: "all", timing: "either" }, { minMs: 1, maxMs: 15 });
  const started = Date.now();
  const up = await stack.up();
  const seconds = (Date.now() - started) / 1000;
  const creates = steps(up.events).filter((s) => s.startsWith("create "));
  const audit = auditEstate(emulator, stateFromExport(await stack.exportText()), spec, "telephony");
  const requests = emulator.stats().byMethod;
  const createRequests = Object.entries(requests).filter(([m]) => m.startsWith("Create")).reduce((a, [, n]) => a + n, 0);
  console.log(
    `real-engine scale run: ${creates.length} creates in ${seconds.toFixed(1)} s at the default parallelism; ${createRequests} create requests ` +
      `(retries included); faults ${JSON.stringify(emulator.stats().faults)}; audit ${JSON.stringify(audit)}`,
  );
  expect(creates).toHaveLength(200);
  expect(audit).toEqual({ duplicates: 0, orphans: 0, lostUpdates: 0, missing: 0, details: [] });
  expect(Object.values(emulator.stats().faults).reduce((a, b) => a + (b ?? 0), 0)).toBeGreaterThan(20);

  await stack.destroy();
  emulator.setFaults(undefined);
  expect(["inboundTrunk", "outboundTrunk", "dispatchRule"].flatMap((k) => emulator.store.list(k as never))).toEqual([]);
});
