import { SipClient } from "livekit-server-sdk";
import { UNKNOWN } from "../../../src/schema/unknowns";
import { preparePackedProject } from "../../harness/fixtureProject";
import { startProviderHost, type ProviderHost } from "../../harness/providerHost";
import { startHostAndEmulator, type HostAndEmulator } from "../../support/livekitStack";

/**
 * The live pre-check at preview, through the real provider host: `check` of a create and `diff`
 * of an update compare with what LiveKit holds (rules of another stack sharing the project), so
 * `pulumi preview` fails before anything is sent. LiveKit is only read, once per kind.
 */

const TRUNK = "ST_platformtrnk";

let env: HostAndEmulator;
/** A rule another stack created: this provider process never wrote it. */
let salesRule: string;

beforeAll(async () => {
  env = await startHostAndEmulator();
  const sip = new SipClient(env.emulator.url, env.emulator.apiKey, env.emulator.apiSecret);
  salesRule = (await sip.createSipDispatchRule({ type: "individual", roomPrefix: "sales", pin: "1001" }, { trunkIds: [TRUNK], name: "Sales main line" })).sipDispatchRuleId;
  env.emulator.resetStats();
});
afterAll(() => env?.close());

const rule = async (name: string, pin: string, trunk = TRUNK) => ({
  name: `Rule ${name}`,
  trunkIds: [trunk],
  rule: { type: "individual", roomPrefix: name, pin },
  __resourceName: name,
  __provider: await env.providerText("DispatchRule"),
});
const urn = (name: string) => env.urn("DispatchRule", name);
const writes = () => Object.entries(env.emulator.stats().byMethod).filter(([method]) => !/^(Get|List)/.test(method));
const lists = () => Object.entries(env.emulator.stats().byMethod).filter(([method]) => /^List/.test(method));

describe("check of a create", () => {
  it("fails on a rule LiveKit holds for the same trunk and pin, naming it and the property, after one listing and no write", async () => {
    const checked = await env.host.check(urn("support"), {}, await rule("support", "1001"));
    expect(checked.failures).toEqual([
      {
        property: "rule.pin",
        reason:
          `conflicts with what already exists in LiveKit: pin "1001" on trunk ${TRUNK} (any caller, any called number) is already used by dispatch rule ` +
          `"${salesRule} (Sales main line)": LiveKit rejects two rules for the same trunk, numbers and pin; change the pin, trunks or numbers of one of them`,
      },
    ]);
    expect(lists()).toEqual([["ListSIPDispatchRule", 1]]);
    expect(writes()).toEqual([]);
  });

  it("passes a rule with another pin, from the same listing", async () => {
    expect((await env.host.check(urn("support"), {}, await rule("support", "2002"))).failures).toEqual([]);
    expect(lists()).toEqual([["ListSIPDispatchRule", 1]]);
  });

  it("passes while the trunk is not known yet (a trunk the same deployment creates)", async () => {
    const news = { ...(await rule("support", "1001")), trunkIds: [UNKNOWN] };
    expect((await env.host.check(urn("support"), {}, news)).failures).toEqual([]);
  });

  it("leaves an update to diff, which knows the object's ID", async () => {
    const olds = await rule("support", "2002");
    expect((await env.host.check(urn("support"), olds, await rule("support", "1001"))).failures).toEqual([]);
  });

  it("fails an inbound trunk answering a number another stack's trunk answers, naming it", async () => {
    const sip = new SipClient(env.emulator.url, env.emulator.apiKey, env.emulator.apiSecret);
    const other = await sip.createSipInboundTrunk("Other carrier", ["+14155550177"], { allowedAddresses: ["192.0.2.1"] });
    const news = { numbers: ["+1 415 555 0177"], allowedAddresses: ["192.0.2.2"], __resourceName: "second", __provider: await env.providerText("InboundTrunk") };
    expect((await env.host.check(env.urn("InboundTrunk", "second"), {}, news)).failures).toEqual([
      {
        property: "numbers",
        reason: expect.stringMatching(
          new RegExp(`^conflicts with what already exists in LiveKit: \\+14155550177 is already answered by inbound trunk "${other.sipTrunkId} \\(Other carrier\\)"`),
        ),
      },
    ]);
  });
});

describe("diff of an update", () => {
  let support: { id: string; outs: Record<string, unknown> };
  beforeAll(async () => {
    support = await env.host.create(urn("support"), await rule("support", "2002"));
  });

  it("refuses moving onto the pin another stack's rule holds, naming it", async () => {
    await expect(env.host.diff(urn("support"), support.id, support.outs, await rule("support", "1001"))).rejects.toThrow(
      `DispatchRule "support": rule.pin: conflicts with what already exists in LiveKit: pin "1001" on trunk ${TRUNK} (any caller, any called number) is already used by dispatch rule "${salesRule} (Sales main line)"`,
    );
  });

  it("accepts keeping its own pin (its own claims do not count) and any change that keeps trunks, numbers and pin", async () => {
    expect(await env.host.diff(urn("support"), support.id, support.outs, { ...(await rule("support", "2002")), name: "Renamed" })).toMatchObject({ changes: "some" });
  });

  it("judges later resources against the planned shapes of this deployment: a pin handed from one rule to another passes", async () => {
    const first = await env.host.create(urn("first"), await rule("first", "3003"));
    const second = await env.host.create(urn("second"), await rule("second", "4004"));
    // While `second` holds 4004, `first` cannot take it...
    await expect(env.host.diff(urn("first"), first.id, first.outs, await rule("first", "4004"))).rejects.toThrow(`already used by dispatch rule "${second.id} (Rule second)"`);
    // ...but once the deployment's diff of `second` moves it to 5005, it can, and a third rule cannot take 5005.
    expect(await env.host.diff(urn("second"), second.id, second.outs, await rule("second", "5005"))).toMatchObject({ changes: "some" });
    expect(await env.host.diff(urn("first"), first.id, first.outs, await rule("first", "4004"))).toMatchObject({ changes: "some" });
    expect((await env.host.check(urn("third"), {}, await rule("third", "5005"))).failures).toEqual([
      expect.objectContaining({ property: "rule.pin", reason: expect.stringContaining(`already used by dispatch rule "${second.id} (Rule second)"`) }),
    ]);
  });
});

describe("without LiveKit", () => {
  let host: ProviderHost | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  const warnings = () => host!.logs().filter((l) => l.line.includes("preview")).map((l) => l.line);

  it("a stack without credentials previews as before, with one warning that LiveKit was not compared", async () => {
    host = await startProviderHost({ cwd: (await preparePackedProject()).dir });
    await host.configure({ "livekit:url": env.emulator.url });
    env.emulator.resetStats();
    for (const name of ["a", "b"]) expect((await host.check(urn(name), {}, await rule(name, "1001"))).failures).toEqual([]);
    expect(env.emulator.stats().total).toBe(0);
    expect(warnings()).toEqual([expect.stringMatching(/^warning: DispatchRule "a": preview did not compare with what LiveKit holds: LiveKit credentials are missing: livekit:apiKey/)]);
  });

  it("an unreachable LiveKit makes one warning and no failure; the check before each write still runs", async () => {
    host = await startProviderHost({ cwd: (await preparePackedProject()).dir });
    await host.configure({ "livekit:url": "http://127.0.0.1:9", "livekit:apiKey": "devkey", "livekit:apiSecret": "secret", "livekit:maxRetries": "0" }, ["livekit:apiSecret"]);
    for (const name of ["a", "b"]) expect((await host.check(urn(name), {}, await rule(name, "1001"))).failures).toEqual([]);
    expect(warnings()).toEqual([expect.stringMatching(/^warning: DispatchRule "a": preview could not compare with what LiveKit holds \(.+\); conflicts with other stacks are checked before each write instead$/)]);
  });
});
