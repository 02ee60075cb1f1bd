import * as pulumi from "@pulumi/pulumi";
import { TelephonyStack } from "../../src/stack/telephonyStack";
import type { TelephonySpec } from "../../src/stack/spec";
import { MiniEngine } from "../harness/engine";
import { preparePackedProject } from "../harness/fixtureProject";
import { auditEstate } from "../support/estateAudit";
import { startFaultProxy, type FaultProxy } from "../support/faultProxy";
import { loadSpec } from "../support/loadSpec";
import { assertNoDifferences, differentialView, startDifferentialTarget, stopDifferentialTarget, type DifferentialTarget } from "./target";

/**
 * The provider's reliability against LiveKit's real server: a stack applied, updated and
 * destroyed while a proxy in front of LiveKit fails a fifth of the requests (503, 429, connections
 * closed before forwarding and after LiveKit answered) and adds latency. LiveKit then holds
 * exactly what the state says, passwords included; the emulator beside it saw the same.
 */
jest.setTimeout(300_000);

let target: DifferentialTarget;
let faults: FaultProxy;
beforeAll(async () => {
  target = await startDifferentialTarget();
  faults = await startFaultProxy(target.proxy.url);
}, 60_000);
afterAll(async () => {
  await faults?.close();
  await stopDifferentialTarget(target);
}, 30_000);

const stackName = "faults";
/** The stack, with the trunk passwords given as the component's secrets (as `fromConfig` reads them from config). */
const program = ({ spec, passwords }: { spec: TelephonySpec; passwords: Record<string, string> }) => () =>
  void new TelephonyStack(stackName, { spec, secrets: Object.fromEntries(Object.entries(passwords).map(([key, pw]) => [key, pulumi.secret(pw)])) });

/**
 * The load estate with digest auth on every other inbound trunk and on every outbound trunk, the
 * passwords given as the component's secrets, which the audit compares with LiveKit's.
 */
function withAuth(spec: TelephonySpec, revision: number): { spec: TelephonySpec; passwords: Record<string, string> } {
  const passwords: Record<string, string> = {};
  const secure = (key: string, trunk: object, user: string) => {
    passwords[`password-${key}`] = `pw-${key}-r${revision}`;
    Object.assign(trunk, { authUsername: `${user}-${key}`, authPassword: { secret: `password-${key}` } });
  };
  for (const [key, trunk] of Object.entries(spec.inboundTrunks ?? {})) if (Number(key.slice(2)) % 2 === 0) secure(key, trunk, "carrier");
  for (const [key, trunk] of Object.entries(spec.outboundTrunks ?? {})) secure(key, trunk, "dialer");
  return { spec, passwords };
}

it("applies, updates and destroys a stack while a fifth of LiveKit's requests fail, converging exactly", async () => {
  const engine = new MiniEngine({ cwd: (await preparePackedProject()).dir, project: "faults", stack: "livekit", parallel: 8 });
  const options = {
    config: { "livekit:url": faults.url, "livekit:apiKey": target.livekit.apiKey, "livekit:apiSecret": target.livekit.apiSecret, "livekit:maxRetries": "8" },
    secretKeys: ["livekit:apiSecret"],
  };
  const sizes = { trunks: 16, outbound: 6 };
  const view = differentialView(target);
  faults.setFaults(0.2, { seed: 11, maxLatencyMs: 15 });

  const created = withAuth(loadSpec(sizes, 0), 0);
  await engine.up(program(created), options);
  const afterCreate = auditEstate(view, engine.state, created.spec, stackName, created.passwords);

  const updated = withAuth(loadSpec(sizes, 1), 1);
  await engine.up(program(updated), options);
  const afterUpdate = auditEstate(view, engine.state, updated.spec, stackName, updated.passwords);

  await engine.destroy(options);
  faults.setFaults(0);
  const left = ["inboundTrunk", "outboundTrunk", "dispatchRule"].flatMap((kind) => view.store.list(kind as never));

  console.log(`LiveKit ${target.livekit.version} behind a fault proxy: ${JSON.stringify(faults.injected)} injected; after create ${JSON.stringify(afterCreate)}; after update ${JSON.stringify(afterUpdate)}; ${left.length} objects left after destroy`);
  expect(Object.values(faults.injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(20);
  expect(faults.injected.drop_after).toBeGreaterThan(0);
  for (const audit of [afterCreate, afterUpdate]) expect(audit).toEqual({ duplicates: 0, orphans: 0, lostUpdates: 0, missing: 0, details: [] });
  expect(Object.keys(updated.passwords)).toHaveLength(14);
  expect(left).toEqual([]);
  assertNoDifferences(target);
});
