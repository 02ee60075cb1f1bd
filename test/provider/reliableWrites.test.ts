import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { connector } from "../../src/provider/connect";
import { createIdempotently } from "../../src/provider/reliableWrites";
import { definitions } from "../../src/resources";

/**
 * A create whose answer is lost, next to an identical object someone else (another stack) made:
 * the create's mark tells them apart, so it takes its own object or none, never the other's.
 */

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator?.close());
beforeEach(async () => {
  emulator.setFaults(undefined);
  await emulator.store.clear();
});

const outbound = definitions.OutboundTrunk;
const args = { name: "dialer", address: "sip.example.com", numbers: ["+14155550100"], transport: "tls" as const };
const connect = () => connector(() => ({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret, maxRetries: 1 }))();
const create = () => createIdempotently(outbound, connect(), args, outbound.schema.toWire(args), 'OutboundTrunk "dialer"');
const trunks = () => emulator.store.list("outboundTrunk");

/** Another stack's identical trunk, made the way that stack's create makes it. */
async function othersTrunk(): Promise<string> {
  const theirs = await createIdempotently(outbound, connect(), args, outbound.schema.toWire(args), 'OutboundTrunk "dialer"');
  return String(theirs.sipTrunkId);
}

it("after a lost answer, takes the object its own attempt made, not the identical one of another stack", async () => {
  const theirs = await othersTrunk();
  emulator.setFaults({ rate: 1, seed: 1, kinds: ["unavailable"], methods: "mutating", timing: "after" });
  const ours = String((await create()).sipTrunkId);
  emulator.setFaults(undefined);
  expect(ours).not.toBe(theirs);
  expect(trunks().map((t) => t.sip_trunk_id).sort()).toEqual([ours, theirs].sort());
  expect(trunks().map((t) => t.name)).toEqual(["dialer", "dialer"]);
});

it("when no attempt was applied, says nothing was created rather than taking another stack's identical object", async () => {
  const theirs = await othersTrunk();
  emulator.setFaults({ rate: 1, seed: 1, kinds: ["unavailable"], methods: "mutating", timing: "before" });
  await expect(create()).rejects.toThrow(/^create failed \(.*\); nothing was created \(LiveKit has no such outbound trunk\)/);
  emulator.setFaults(undefined);
  expect(trunks().map((t) => t.sip_trunk_id)).toEqual([theirs]);
});

it("sends the object under its create's mark, then its name: the mark never stays", async () => {
  emulator.resetStats();
  const created = await create();
  expect(created.name).toBe("dialer");
  expect(emulator.stats().byMethod).toEqual({ CreateSIPOutboundTrunk: 1, UpdateSIPOutboundTrunk: 1 });
});

it("names the object and its mark when the name cannot be set, so it can be adopted", async () => {
  // Creates go through; every update fails before it is applied.
  emulator.setFaults({ rate: 1, seed: 1, kinds: ["unavailable"], methods: ["UpdateSIPOutboundTrunk"], timing: "before" });
  const failure = await create().then(() => undefined, (e: Error) => e);
  emulator.setFaults(undefined);
  const [left] = trunks();
  expect(String(left.name)).toMatch(/^pulumi-livekit-sip creating OutboundTrunk "dialer" #[\w-]{16}$/);
  expect(failure?.message).toContain(`LiveKit created outbound trunk ${left.sip_trunk_id} for this resource, but could not then set its name`);
  expect(failure?.message).toContain(`it is named "${left.name}". Set adoptId to "${left.sip_trunk_id}"`);
});
