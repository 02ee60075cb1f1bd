import { startEmulator, type RunningEmulator } from "../../../src/emulator";
import { NativeProvider } from "../../../src/provider/native/provider";
import { wireSecret } from "../../../src/provider/native/secrets";
import type { ResourceType } from "../../../src/resources";
import { UNKNOWN } from "../../../src/schema/unknowns";

/**
 * The native provider's answers to the engine's previews of creates and updates (it says it
 * supports previews): predicted outputs, with nothing sent to LiveKit, checked against what the
 * real step then reports. Against the emulator in LiveKit Cloud's mode, which stamps
 * createdAt/updatedAt, so the timestamps' predictions are checked too.
 */

type Props = Record<string, unknown>;

const urn = (type: ResourceType, name = "main") => `urn:pulumi:dev::proj::livekit:index:${type}::${name}`;

let emulator: RunningEmulator;
let provider: NativeProvider;
/** Every request LiveKit got: a preview must add none. */
const requests: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, mode: "cloud", log: (line) => requests.push(line) });
});
beforeEach(async () => {
  await emulator.store.clear();
  provider = new NativeProvider("0.0.0-test");
  provider.configure({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: wireSecret(emulator.apiSecret) });
});
afterAll(() => emulator?.close());

async function checked(type: ResourceType, olds: Props, args: Props): Promise<Props> {
  const { inputs, failures } = await provider.check(urn(type), olds, args);
  expect(failures ?? []).toEqual([]);
  return inputs;
}

/** A preview's answer, asserting it made no LiveKit request. */
function quietly<T>(preview: () => T): T {
  const before = requests.length;
  const predicted = preview();
  expect(requests.slice(before)).toEqual([]);
  return predicted;
}

/**
 * What the preview showed is what the step did, except what it said it could not know yet: every
 * known property of the prediction has its real value, and every real output was predicted
 * (unknown ones may turn out unset).
 */
function expectFulfilled(predicted: Props, real: Props) {
  const unknown = Object.keys(predicted).filter((key) => predicted[key] === UNKNOWN);
  const known = Object.fromEntries(Object.entries(real).filter(([key]) => !unknown.includes(key)));
  expect(predicted).toEqual({ ...known, ...Object.fromEntries(unknown.map((key) => [key, UNKNOWN])) });
}

describe("update preview", () => {
  it("keeps the trunk's ID, creation time and unchanged settings known, takes the new inputs (secrets wrapped), and leaves the update time and arguments no longer given unknown", async () => {
    const inputs = await checked("InboundTrunk", {}, { name: "front", numbers: ["+14155550100"], authUsername: "u", authPassword: "pw", krispEnabled: true });
    const { id, outs } = await provider.create(urn("InboundTrunk"), inputs);
    const news = await checked("InboundTrunk", outs, { numbers: ["+14155550100", "+14155550101"], authUsername: "u", authPassword: "pw2" });

    const predicted = quietly(() => provider.previewUpdate(id, urn("InboundTrunk"), outs, news, inputs));
    expect(predicted).toMatchObject({
      sipTrunkId: id,
      createdAt: outs.createdAt,
      updatedAt: UNKNOWN,
      numbers: ["+14155550100", "+14155550101"],
      authPassword: wireSecret("pw2"),
      authUsername: "u",
      // LiveKit's defaults, never given: as before.
      metadata: "",
      headers: {},
      // No longer given: LiveKit's default, which only LiveKit's answer tells.
      name: UNKNOWN,
      krispEnabled: UNKNOWN,
    });

    const { outs: real } = await provider.update(id, urn("InboundTrunk"), outs, news);
    expectFulfilled(predicted, real);
  });

  it("passes inputs still unknown through as unknown, and the rule's ID as known", async () => {
    const inputs = await checked("DispatchRule", {}, { rule: { type: "direct", roomName: "r" }, name: "sales" });
    const { id, outs } = await provider.create(urn("DispatchRule"), inputs);
    const news = { ...inputs, trunkIds: [UNKNOWN] };
    const predicted = quietly(() => provider.previewUpdate(id, urn("DispatchRule"), outs, news, inputs));
    // The rule as LiveKit reports it (its pin included), unchanged.
    expect(predicted).toMatchObject({ sipDispatchRuleId: id, trunkIds: [UNKNOWN], name: "sales", rule: outs.rule });
    expect(outs.rule).toHaveProperty("pin", "");
  });

  it("PhoneNumber: keeps the number bought and what the search was; its status and rules, which follow the rule, are unknown", async () => {
    const rule = await provider.create(urn("DispatchRule"), await checked("DispatchRule", {}, { rule: { type: "direct", roomName: "r" } }));
    const inputs = await checked("PhoneNumber", {}, { countryCode: "US" });
    const { id, outs } = await provider.create(urn("PhoneNumber"), inputs);
    const news = await checked("PhoneNumber", outs, { countryCode: "US", sipDispatchRuleId: rule.id });

    const predicted = quietly(() => provider.previewUpdate(id, urn("PhoneNumber"), outs, news, inputs));
    expect(predicted).toMatchObject({ phoneNumberId: id, phoneNumber: outs.phoneNumber, countryCode: "US", sipDispatchRuleId: rule.id, status: UNKNOWN });

    const { outs: real } = await provider.update(id, urn("PhoneNumber"), outs, news);
    expectFulfilled(predicted, real);
  });
});

describe("create preview", () => {
  it.each([
    ["InboundTrunk", { numbers: ["+14155550100"], authUsername: "u", authPassword: "pw" }],
    ["OutboundTrunk", { address: "sip.example.com", numbers: ["+14155550100"] }],
    ["DispatchRule", { rule: { type: "direct", roomName: "r" } }],
    ["PhoneNumber", { countryCode: "US" }],
  ] as const)("%s: the inputs, and every output LiveKit assigns unknown (dependents wait, not read nothing)", async (type, args) => {
    const inputs = await checked(type, {}, args);
    const predicted = quietly(() => provider.previewCreate(urn(type), inputs));
    const { outs: real } = await provider.create(urn(type), inputs);
    expect(Object.keys(real).filter((key) => !(key in predicted))).toEqual([]);
    expect(Object.keys(predicted).filter((key) => !(key in real) && predicted[key] !== UNKNOWN)).toEqual([]);
    for (const key of Object.keys(real)) {
      // A given argument as given; LiveKit may add its defaults inside (a rule's pin).
      if (key in inputs) expect({ [key]: real[key] }).toMatchObject({ [key]: predicted[key] });
      else expect([key, predicted[key]]).toEqual([key, UNKNOWN]);
    }
  });
});
