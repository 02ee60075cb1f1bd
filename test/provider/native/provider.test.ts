import { startEmulator, type RunningEmulator } from "../../../src/emulator";
import { TwirpSipApi } from "../../../src/client/twirpSipApi";
import { lifecycle } from "../../../src/provider/lifecycle";
import { NativeProvider, parseUrn } from "../../../src/provider/native/provider";
import { isWireSecret, reveal, wireSecret } from "../../../src/provider/native/secrets";
import { definitionOf, definitions, type ResourceType } from "../../../src/resources";
import { UNKNOWN } from "../../../src/schema/unknowns";
import { fullDispatchRule, fullInboundTrunk, fullOutboundTrunk } from "../../fixtures/fullArgs";

/**
 * The native provider's face of the lifecycle, without the engine: the same checks and LiveKit
 * calls as the dynamic resources, with Pulumi's wire conventions (secrets wrapped both ways, the
 * name from the URN) and `pulumi import`'s read.
 */

type Props = Record<string, unknown>;

const urn = (type: ResourceType, name = "main") => `urn:pulumi:dev::proj::livekit:index:${type}::${name}`;
const secretAt = (props: Props, key: string) => isWireSecret(props[key]);

let emulator: RunningEmulator;
let provider: NativeProvider;
let api: TwirpSipApi;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  api = new TwirpSipApi({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret });
});
beforeEach(async () => {
  await emulator.store.clear();
  provider = new NativeProvider("0.0.0-test");
  // As the engine configures it from the stack: the API secret arrives wrapped secret.
  provider.configure({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: wireSecret(emulator.apiSecret), version: "0.0.0-test" });
});
afterAll(() => emulator?.close());

/** What a program's check and the engine's create do for new arguments. */
async function created(type: ResourceType, args: Props, name = "main") {
  const { inputs, failures } = await provider.check(urn(type, name), {}, args);
  expect(failures ?? []).toEqual([]);
  return { inputs, ...(await provider.create(urn(type, name), inputs)) };
}

describe("check", () => {
  it("gives the dynamic resources' failures, worded the same, for the same arguments", async () => {
    const bad = { numbres: ["+14155550100"], numbers: ["12"], ringingTimeout: -1, media: { codecs: [{ rate: 8000 }] } };
    const dynamic = await lifecycle(definitions.InboundTrunk, () => {
      throw new Error("check calls no LiveKit");
    }).check({}, { ...bad, __resourceName: "main" });
    const native = await provider.check(urn("InboundTrunk"), {}, bad);
    expect(native.failures).toEqual(dynamic.failures);
    expect(native.failures!.length).toBeGreaterThan(3);
  });

  it("marks the schema's secret fields secret in the checked inputs, even when the program gave them in plain text", async () => {
    const { inputs, failures } = await provider.check(urn("InboundTrunk"), {}, { numbers: ["+1 415 555 0100"], authUsername: "u", authPassword: "plain-pass" });
    expect(failures).toBeUndefined();
    expect(inputs).toEqual({ numbers: ["+14155550100"], authUsername: "u", authPassword: wireSecret("plain-pass") });
  });

  it("keeps what came in secret secret, at any depth, and checks the value inside", async () => {
    const { inputs } = await provider.check(urn("DispatchRule"), {}, { rule: { type: "direct", roomName: wireSecret("vip") }, metadata: wireSecret("m") });
    expect(inputs).toEqual({ rule: { type: "direct", roomName: wireSecret("vip") }, metadata: wireSecret("m") });
    const bad = await provider.check(urn("DispatchRule"), {}, { rule: { type: "direct", roomName: "r", pin: wireSecret("12x") } });
    expect(bad.failures?.map((f) => f.property)).toEqual(["rule.pin"]);
  });

  it("accepts values unknown in preview, secret or not", async () => {
    const { failures } = await provider.check(urn("DispatchRule"), {}, { rule: { type: "direct", roomName: "r" }, trunkIds: [UNKNOWN], name: wireSecret(UNKNOWN) });
    expect(failures).toBeUndefined();
  });

  it("takes the resource's name from the URN: it names the resource in warnings and errors, and never reaches inputs", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const { inputs } = await provider.check(urn("DispatchRule", "reception"), {}, { rule: { type: "individual" }, hidePhoneNumber: true, __resourceName: "spoofed" });
      expect(inputs).not.toHaveProperty("__resourceName");
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('DispatchRule "reception": hidePhoneNumber with an individual rule'));
    } finally {
      warn.mockRestore();
    }
  });

  it("refuses a type token it does not serve, naming those it does", async () => {
    await expect(provider.check("urn:pulumi:dev::proj::livekit:index:Room::r", {}, {})).rejects.toThrow(
      "unknown resource type livekit:index:Room: the livekit provider manages livekit:index:InboundTrunk, livekit:index:OutboundTrunk, livekit:index:DispatchRule, livekit:index:PhoneNumber",
    );
  });
});

describe("create, update, read and delete", () => {
  it("creates through LiveKit and answers outputs with the password secret and no internal controls", async () => {
    const { id, outs } = await created("InboundTrunk", { numbers: ["+14155550100"], authUsername: "u", authPassword: "pw" });
    expect(id).toMatch(/^ST_/);
    expect(outs.sipTrunkId).toBe(id);
    expect(outs.authPassword).toEqual(wireSecret("pw"));
    expect(Object.keys(outs).filter((key) => key.startsWith("__"))).toEqual([]);
    expect(emulator.store.list("inboundTrunk")).toEqual([expect.objectContaining({ sip_trunk_id: id, auth_password: "pw" })]);
  });

  it("keeps storage credentials in a rule's egress settings secret in its outputs", async () => {
    const egress = { room: { roomName: "rec", fileOutputs: [{ filepath: "rec.mp4", s3: { bucket: "b", accessKey: "AK", secret: "s3-secret" } }] } };
    const { outs } = await created("DispatchRule", { rule: { type: "direct", roomName: "r" }, roomConfig: { egress } });
    const { s3 } = ((outs.roomConfig as Props).egress as { room: { fileOutputs: { s3: Props }[] } }).room.fileOutputs[0];
    expect(s3).toEqual({ bucket: "b", accessKey: "AK", secret: wireSecret("s3-secret") });
  });

  it("diffs canonically, with the changed properties for the preview, and updates in place", async () => {
    const { id, outs } = await created("InboundTrunk", { name: "a", numbers: ["+14155550100"] });
    const respelled = (await provider.check(urn("InboundTrunk"), outs, { name: "a", numbers: ["+1 415 555 0100"] })).inputs;
    const same = await provider.diff(id, urn("InboundTrunk"), outs, respelled);
    expect(same).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false, detailedDiff: {} });
    const next = (await provider.check(urn("InboundTrunk"), outs, { name: "b", numbers: ["+14155550100"], krispEnabled: true })).inputs;
    const diff = await provider.diff(id, urn("InboundTrunk"), outs, next);
    expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false, detailedDiff: { name: "update", krispEnabled: "update" } });
    const { outs: updated } = await provider.update(id, urn("InboundTrunk"), outs, next);
    expect(updated).toMatchObject({ sipTrunkId: id, name: "b", krispEnabled: true });
  });

  it("replaces a phone number whose number changes, and says so per property", async () => {
    const { id, outs } = await created("PhoneNumber", { countryCode: "US" });
    const diff = await provider.diff(id, urn("PhoneNumber"), outs, { phoneNumber: "+14155550999" });
    expect(diff).toMatchObject({ changes: true, replaces: ["phoneNumber"], detailedDiff: { phoneNumber: "update-replace" } });
  });

  it("reads what LiveKit holds on refresh, and reports an object deleted outside Pulumi as gone", async () => {
    const { id, outs } = await created("OutboundTrunk", { address: "sip.example.com", numbers: ["+14155550100"], authUsername: "u", authPassword: "pw" });
    const read = await provider.read(id, urn("OutboundTrunk"), outs);
    expect(read).toMatchObject({ id, props: { address: "sip.example.com", authPassword: wireSecret("pw") }, inputs: { address: "sip.example.com" } });
    await provider.delete(id, urn("OutboundTrunk"), outs);
    expect(emulator.store.list("outboundTrunk")).toEqual([]);
    expect(await provider.read(id, urn("OutboundTrunk"), outs)).toEqual({});
  });

  it("fails a create with the dynamic resources' message, naming the resource from its URN", async () => {
    await created("InboundTrunk", { numbers: ["+14155550100"] }, "first");
    const { inputs } = await provider.check(urn("InboundTrunk", "second"), {}, { numbers: ["+14155550100"] });
    await expect(provider.create(urn("InboundTrunk", "second"), inputs)).rejects.toThrow(/^InboundTrunk "second": create failed: conflicts with what already exists in LiveKit, so nothing was sent: \+14155550100 is already answered/);
  });
});

describe("pulumi import: a read with nothing stored", () => {
  const cases: [ResourceType, Props][] = [
    ["InboundTrunk", fullInboundTrunk],
    ["OutboundTrunk", fullOutboundTrunk],
    ["DispatchRule", fullDispatchRule],
  ];

  it.each(cases)("%s: records the arguments a program declaring it writes, which check accepts and diff finds equal to it", async (type, args) => {
    const definition = definitionOf(type);
    // Made in LiveKit with the client, as objects made in the dashboard are.
    const made = (await definition.livekit.create(api, definition.schema.toWire(args))) as Props;
    const id = String(made[definition.idField]);
    const imported = await provider.read(id, urn(type, "imported"), {});
    expect(imported.id).toBe(id);
    const checked = await provider.check(urn(type, "imported"), {}, imported.inputs!);
    expect(checked.failures).toBeUndefined();
    // What the engine diffs after the import: the stored outputs against the program's arguments.
    const program = (await provider.check(urn(type, "imported"), imported.inputs!, args)).inputs;
    expect(await provider.diff(id, urn(type, "imported"), imported.props!, program)).toMatchObject({ changes: false, replaces: [] });
    // Secrets are secret in what the import stores, inputs and outputs.
    if ("authPassword" in args) expect([secretAt(imported.inputs!, "authPassword"), secretAt(imported.props!, "authPassword")]).toEqual([true, true]);
  });

  it("leaves LiveKit's defaults out of the recorded arguments", async () => {
    const made = (await definitions.InboundTrunk.livekit.create(api, { numbers: ["+14155550100"] })) as Props;
    const imported = await provider.read(String(made.sipTrunkId), urn("InboundTrunk"), {});
    expect(imported.inputs).toEqual({ numbers: ["+14155550100"] });
  });

  it("PhoneNumber: records the number and its rule, not the country and area code LiveKit reports (a program sets one or the other)", async () => {
    const [forSale] = ((await api.call("SearchPhoneNumbers", { countryCode: "US", limit: 1 })) as { items: { e164Format: string }[] }).items;
    const rule = (await definitions.DispatchRule.livekit.create(api, definitions.DispatchRule.schema.toWire({ rule: { type: "direct", roomName: "r" } }))) as Props;
    const { phoneNumbers } = (await api.call("PurchasePhoneNumber", { phoneNumbers: [forSale.e164Format], sipDispatchRuleId: String(rule.sipDispatchRuleId) })) as { phoneNumbers: { id: string }[] };
    const imported = await provider.read(phoneNumbers[0].id, urn("PhoneNumber"), {});
    expect(imported.props).toMatchObject({ phoneNumber: forSale.e164Format, countryCode: "US" });
    expect(imported.inputs).toEqual({ phoneNumber: forSale.e164Format, sipDispatchRuleId: rule.sipDispatchRuleId });
    expect((await provider.check(urn("PhoneNumber"), {}, imported.inputs!)).failures).toBeUndefined();
  });

  it("answers no object for an ID LiveKit does not know, which the engine reports as not found", async () => {
    expect(await provider.read("ST_doesnotexist", urn("InboundTrunk"), {})).toEqual({});
  });
});

describe("configuration", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (key.startsWith("LIVEKIT_")) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it("stores the API secret secret even when given in plain text, and fails settings of the wrong type", () => {
    const { inputs, failures } = new NativeProvider("0").checkConfig({ url: "http://x", apiKey: "k", apiSecret: "plain", maxRetries: "many", version: "1.0.0" });
    expect(inputs).toEqual({ url: "http://x", apiKey: "k", apiSecret: wireSecret("plain"), maxRetries: "many", version: "1.0.0" });
    expect(failures).toEqual([{ property: "maxRetries", reason: 'livekit:maxRetries must be a non-negative number, got "many"' }]);
    expect(new NativeProvider("0").checkConfig({ url: 7880 }).failures).toEqual([{ property: "url", reason: "must be a string, got 7880" }]);
  });

  it("falls back to the LIVEKIT_* environment variables for settings the configuration leaves out", async () => {
    Object.assign(process.env, { LIVEKIT_API_KEY: emulator.apiKey, LIVEKIT_API_SECRET: emulator.apiSecret });
    const fromEnv = new NativeProvider("0");
    fromEnv.configure({ url: emulator.url });
    const { inputs } = await fromEnv.check(urn("InboundTrunk"), {}, { numbers: ["+14155550100"] });
    expect((await fromEnv.create(urn("InboundTrunk"), inputs)).id).toMatch(/^ST_/);
  });

  it("says which settings are missing, and how to set them, when LiveKit is first needed", async () => {
    const unconfigured = new NativeProvider("0");
    unconfigured.configure({});
    await expect(unconfigured.create(urn("InboundTrunk"), { numbers: ["+14155550100"] })).rejects.toThrow(
      /InboundTrunk "main": create failed: LiveKit credentials are missing: livekit:url \(or LIVEKIT_URL\), livekit:apiKey .*pulumi config set --secret livekit:apiSecret/,
    );
  });
});

describe("wire helpers", () => {
  it("parses URNs, parent types and names with :: included", () => {
    expect(parseUrn("urn:pulumi:dev::proj::my:comp:Stack$livekit:index:DispatchRule::a::b")).toEqual({ token: "livekit:index:DispatchRule", name: "a::b" });
  });

  it("reveals nested secrets with their paths", () => {
    expect(reveal({ a: wireSecret({ b: [1, wireSecret(2)] }) })).toEqual({ value: { a: { b: [1, 2] } }, secrets: [["a"], ["a", "b", 1]] });
  });
});
