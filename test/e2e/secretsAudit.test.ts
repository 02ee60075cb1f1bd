import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { InboundTrunk } from "../../src";
import { MiniEngine, type EngineState } from "../harness/engine";
import { preparePackedProject } from "../harness/fixtureProject";
import { programFromFile } from "../harness/program";
import { stackConfig } from "../support/stackConfig";

/**
 * After a full run (up, update, refresh, a failing operation, destroy), neither the API secret
 * nor a trunk password appears anywhere but in values marked secret.
 */
const apiSecret = "api-secret-9f3b7c1e";
const trunkPassword = "trunk-password-5d2a8e4f";
const root = join(__dirname, "..", "..");

let emulator: RunningEmulator;
let engine: MiniEngine;
const seen: string[] = [];
const config = (agent = "receptionist-dev") =>
  stackConfig(
    join(root, "examples", "inbound-receptionist", "Pulumi.dev.yaml"),
    { "livekit:url": emulator.url, "inbound-receptionist:agentName": agent },
    { "livekit:apiSecret": apiSecret, "inbound-receptionist:trunkPassword": trunkPassword },
  );

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, apiSecret, log: (line) => seen.push(line) });
  engine = new MiniEngine({ cwd: (await preparePackedProject()).dir, project: "inbound-receptionist", stack: "dev" });
});
afterAll(() => emulator?.close());

/** Every place a string value sits in the state, with whether the engine treats it as secret. */
function placements(state: EngineState): { where: string; value: string; secret: boolean }[] {
  return Object.values(state).flatMap((entry) =>
    (["inputs", "outputs"] as const).flatMap((side) =>
      Object.entries(entry[side]).map(([key, value]) => ({
        where: `${entry.urn} ${side}.${key}`,
        value: JSON.stringify(value),
        secret: (side === "inputs" ? entry.secretInputs : entry.secretOutputs).includes(key),
      })),
    ),
  );
}

it("keeps the API secret and trunk passwords out of state, logs, outputs and errors", async () => {
  const program = programFromFile(join(root, "examples", "inbound-receptionist", "index.ts"));
  const snapshots: EngineState[] = [];
  const first = await engine.up(program, config());
  snapshots.push(engine.state);
  await engine.up(program, config("receptionist-v2"));
  snapshots.push(engine.state);
  const refreshed = await engine.refresh(config());
  snapshots.push(engine.state);
  const failure = await engine
    .up(() => {
      new InboundTrunk("twilio-copy", { numbers: ["+14155550100"], allowedAddresses: ["192.0.2.1"], authUsername: "x", authPassword: trunkPassword });
    }, config())
    .catch((e: Error) => e);
  snapshots.push(engine.state);
  await engine.destroy(config());

  const state = snapshots.flatMap(placements);
  const leaks = (text: string) => [apiSecret, trunkPassword].filter((s) => text.includes(s));

  // In state, a secret appears only under keys the engine stores encrypted.
  expect(state.filter((p) => leaks(p.value).length > 0 && !p.secret).map((p) => p.where)).toEqual([]);
  expect(state.filter((p) => p.where.endsWith("authPassword") && p.value.includes(trunkPassword)).length).toBeGreaterThan(0);
  // The serialized provider holds no credential at all, secret-marked or not.
  expect(state.filter((p) => p.where.includes("__provider") && leaks(p.value).length > 0)).toEqual([]);
  // Stack outputs, provider host logs, emulator request logs and error messages.
  expect(leaks(JSON.stringify(first.outputs))).toEqual([]);
  expect(leaks([...first.hostLogs, ...refreshed.hostLogs, ...engine.hostLogs].map((l) => l.line).join("\n"))).toEqual([]);
  expect(leaks(seen.join("\n"))).toEqual([]);
  expect(failure).toBeInstanceOf(Error);
  expect(leaks(String((failure as Error).message) + String((failure as Error).stack))).toEqual([]);
});
