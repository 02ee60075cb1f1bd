import { TwirpSipApi } from "../../../src/client/twirpSipApi";
import { startHostAndEmulator, type HostAndEmulator } from "../../support/livekitStack";

/**
 * PhoneNumber through the real provider host against the emulator: purchase by number and by
 * search, rule assignment in place, adoption, replacement and release.
 */

let env: HostAndEmulator;
let livekit: TwirpSipApi;
beforeAll(async () => {
  env = await startHostAndEmulator();
  livekit = new TwirpSipApi({ url: env.emulator.url, apiKey: env.emulator.apiKey, apiSecret: env.emulator.apiSecret });
});
afterAll(() => env?.close());

let pins = 0;
/** A dispatch rule made directly in LiveKit; each has its own pin, so rules never conflict. */
const newRule = async () =>
  (await livekit.call("CreateSIPDispatchRule", { dispatchRule: { rule: { dispatchRuleIndividual: { roomPrefix: "call", pin: String(1000 + ++pins) } } } }))
    .sipDispatchRuleId;

const inputs = async (name: string, args: Record<string, unknown>) => ({ ...args, __resourceName: name, __provider: await env.providerText("PhoneNumber") });
const urn = (name: string) => env.urn("PhoneNumber", name);
const stored = (id: string) => env.emulator.store.get("phoneNumber", id);
const calls = () => env.emulator.stats().byMethod;
const warnings = () => env.host.logs().filter((l) => l.line.startsWith("warning: PhoneNumber")).map((l) => l.line);

/** The host's warnings after the first `seen`, once its stderr has delivered `count` of them. */
async function newWarnings(seen: number, count = 1): Promise<string[]> {
  for (let waited = 0; warnings().length < seen + count && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  return warnings().slice(seen);
}

/** check then create, as the engine does for a new resource. */
async function create(name: string, args: Record<string, unknown>) {
  const checked = await env.host.check(urn(name), {}, await inputs(name, args));
  expect(checked.failures).toEqual([]);
  return env.host.create(urn(name), checked.inputs);
}

describe("check", () => {
  const failures = async (args: Record<string, unknown>) => (await env.host.check(urn("bad"), {}, await inputs("bad", args))).failures;

  it("refuses a number and a search together, and searches that cannot work", async () => {
    expect(await failures({ phoneNumber: "+14155550100", countryCode: "US" })).toEqual([
      { property: "phoneNumber", reason: "set either phoneNumber or a search (countryCode, areaCode), not both" },
    ]);
    expect(await failures({ areaCode: "415" })).toEqual([{ property: "areaCode", reason: "an area code needs countryCode too" }]);
    expect(await failures({ countryCode: "US", areaCode: "041" })).toEqual([
      { property: "areaCode", reason: '"041" is not a North American area code: three digits, the first 2-9 (e.g. 415)' },
    ]);
  });

  it("validates the number, the country, the rule reference and adoptId", async () => {
    const reasons = async (args: Record<string, unknown>) => (await failures(args)).map((f) => `${f.property}: ${f.reason}`);
    expect(await reasons({ phoneNumber: "4155550100" })).toEqual([expect.stringMatching(/^phoneNumber: "4155550100" has no country code/)]);
    expect(await reasons({ countryCode: "UK" })).toEqual(['countryCode: "UK" is not an ISO 3166-1 code; use GB']);
    expect(await reasons({ phoneNumber: "+14155550100", sipDispatchRuleId: "rule-1" })).toEqual([
      "sipDispatchRuleId: is not a dispatch rule ID (SDR_…); pass the rule's sipDispatchRuleId output",
    ]);
    expect(await reasons({ adoptId: "my number" })).toEqual([expect.stringMatching(/^adoptId: "my number" is not a LiveKit phone number ID: it must be the number's ID or the number itself/)]);
  });

  it("sends the number in E.164 and the country in capitals", async () => {
    const checked = await env.host.check(urn("spelling"), {}, await inputs("spelling", { phoneNumber: "+1 (415) 555-0100" }));
    expect(checked.inputs.phoneNumber).toBe("+14155550100");
    const search = await env.host.check(urn("spelling"), {}, await inputs("spelling", { countryCode: "us" }));
    expect(search.inputs.countryCode).toBe("US");
  });
});

describe("a number bought by number", () => {
  const name = "main-line";
  let id = "";
  let outs: Record<string, unknown> = {};
  let rule = "";

  it("is bought with its rule in one request", async () => {
    rule = await newRule();
    env.emulator.resetStats();
    ({ id, outs } = await create(name, { phoneNumber: "+14155550100", sipDispatchRuleId: rule }));
    expect(calls()).toEqual({ PurchasePhoneNumber: 1 });
    expect(id).toMatch(/^PN_/);
    expect(outs).toMatchObject({ phoneNumberId: id, phoneNumber: "+14155550100", countryCode: "US", areaCode: "415", sipDispatchRuleId: rule });
    expect(outs).toMatchObject({ status: "active", numberType: "local", sipDispatchRuleIds: [rule], capabilities: ["voice"], createdAt: expect.any(String) });
    expect(stored(id)?.status).toBe("PHONE_NUMBER_STATUS_ACTIVE");
  });

  it("diffs the same arguments as no change, without calling LiveKit", async () => {
    env.emulator.resetStats();
    expect((await env.host.diff(urn(name), id, outs, await inputs(name, { phoneNumber: "+14155550100", sipDispatchRuleId: rule }))).changes).toBe("none");
    expect(env.emulator.stats().total).toBe(0);
  });

  it("changes its rule in place, and can take it away", async () => {
    const other = await newRule();
    const news = await inputs(name, { phoneNumber: "+14155550100", sipDispatchRuleId: other });
    expect(await env.host.diff(urn(name), id, outs, news)).toMatchObject({ changes: "some", replaces: [], deleteBeforeReplace: false });
    env.emulator.resetStats();
    const updated = await env.host.update(urn(name), id, outs, news);
    expect(calls()).toEqual({ UpdatePhoneNumber: 1 });
    expect(updated.outs).toMatchObject({ phoneNumberId: id, sipDispatchRuleId: other, sipDispatchRuleIds: [other], status: "active" });
    const unassigned = await env.host.update(urn(name), id, updated.outs, await inputs(name, { phoneNumber: "+14155550100" }));
    expect(unassigned.outs).toMatchObject({ sipDispatchRuleId: "", status: "offline" });
    outs = unassigned.outs;
  });

  it("is replaced, new number first, when another number is named", async () => {
    const diff = await env.host.diff(urn(name), id, outs, await inputs(name, { phoneNumber: "+14155550199" }));
    expect(diff).toMatchObject({ changes: "some", replaces: ["phoneNumber"], deleteBeforeReplace: false });
  });

  it("shows a rule changed out of band on read", async () => {
    const elsewhere = await newRule();
    await livekit.call("UpdatePhoneNumber", { id, sipDispatchRuleId: elsewhere });
    const read = await env.host.read(urn(name), id, outs);
    expect(read.props).toMatchObject({ sipDispatchRuleId: elsewhere, status: "active" });
    expect(read.inputs).toMatchObject({ phoneNumber: "+14155550100", sipDispatchRuleId: elsewhere });
    outs = read.props;
  });

  it("is released on delete, and deleting again succeeds", async () => {
    env.emulator.resetStats();
    await env.host.delete(urn(name), id, outs);
    expect(calls()).toEqual({ ReleasePhoneNumbers: 1 });
    expect(stored(id)).toMatchObject({ status: "PHONE_NUMBER_STATUS_RELEASED", sip_dispatch_rule_ids: [] });
    await expect(env.host.delete(urn(name), id, outs)).resolves.toBeUndefined();
    expect((await env.host.read(urn(name), id, outs)).id).toBe("");
  });
});

describe("a number bought by search", () => {
  const name = "support-line";
  let id = "";
  let outs: Record<string, unknown> = {};

  it("resolves the search once, buying the first number for sale", async () => {
    await livekit.call("PurchasePhoneNumber", { phoneNumbers: ["+12125550100"] });
    const seen = warnings().length;
    env.emulator.resetStats();
    ({ id, outs } = await create(name, { countryCode: "US", areaCode: "212" }));
    expect(calls()).toEqual({ SearchPhoneNumbers: 1, PurchasePhoneNumber: 1 });
    expect(outs).toMatchObject({ phoneNumber: "+12125550101", countryCode: "US", areaCode: "212", status: "offline" });
    expect(await newWarnings(seen)).toEqual(['warning: PhoneNumber "support-line": no sipDispatchRuleId: calls to this number go nowhere (LiveKit shows it offline)']);
  });

  it("never shows the number found as a change, nor the same number written out", async () => {
    expect((await env.host.diff(urn(name), id, outs, await inputs(name, { countryCode: "US", areaCode: "212" }))).changes).toBe("none");
    expect((await env.host.diff(urn(name), id, outs, await inputs(name, { phoneNumber: "+12125550101" }))).changes).toBe("none");
    expect((await env.host.diff(urn(name), id, outs, await inputs(name, { countryCode: "US" }))).changes).toBe("none");
  });

  it("keeps the number when the search changes, and warns that it does not match", async () => {
    const seen = warnings().length;
    const diff = await env.host.diff(urn(name), id, outs, await inputs(name, { countryCode: "US", areaCode: "415" }));
    expect(diff).toMatchObject({ changes: "none", replaces: [] });
    expect(await newWarnings(seen)).toEqual([
      'warning: PhoneNumber "support-line": +12125550101 does not match the search (areaCode "415") and is kept: a search only chooses the number when it is bought. ' +
        "To buy a different number, set phoneNumber to it or run `pulumi up --replace` on this resource; either releases +12125550101.",
    ]);
  });

  it("says when nothing is for sale", async () => {
    await expect(env.host.create(urn("nowhere"), await inputs("nowhere", { countryCode: "ZZ" }))).rejects.toThrow(
      /^PhoneNumber "nowhere": create failed: LiveKit has no numbers for sale in ZZ/,
    );
  });

  it("refuses a number the project already owns, pointing at adoptId", async () => {
    await expect(env.host.create(urn("twice"), await inputs("twice", { phoneNumber: "+12125550101" }))).rejects.toThrow(
      /^PhoneNumber "twice": phone number \+12125550101 is already owned by this project \(already_exists\)/,
    );
  });
});

describe("adoption", () => {
  let owned: { id: string; e164Format: string }[] = [];
  beforeAll(async () => {
    const bought = await livekit.call("PurchasePhoneNumber", { phoneNumbers: ["+13125550100", "+13125550101"] });
    owned = bought.phoneNumbers;
  });

  it("takes over a number by its ID and assigns the rule, buying nothing", async () => {
    const rule = await newRule();
    env.emulator.resetStats();
    const adopted = await create("adopted-by-id", { adoptId: owned[0].id, sipDispatchRuleId: rule });
    expect(adopted.id).toBe(owned[0].id);
    expect(calls()).toEqual({ GetPhoneNumber: 1, UpdatePhoneNumber: 1 });
    expect(adopted.outs).toMatchObject({ phoneNumber: "+13125550100", sipDispatchRuleId: rule, status: "active", adoptId: owned[0].id });
  });

  it("takes over a number by the number itself, keeping LiveKit's ID as the resource ID", async () => {
    env.emulator.resetStats();
    const adopted = await create("adopted-by-number", { adoptId: "+13125550101", phoneNumber: "+13125550101" });
    expect(adopted.id).toBe(owned[1].id);
    expect(calls()).toEqual({ GetPhoneNumber: 1 });
    expect((await env.host.diff(urn("adopted-by-number"), adopted.id, adopted.outs, await inputs("adopted-by-number", { adoptId: "+13125550101", phoneNumber: "+13125550101" }))).changes).toBe("none");
  });

  it("refuses a number that differs from phoneNumber, and one the project does not own", async () => {
    await expect(env.host.create(urn("mismatch"), await inputs("mismatch", { adoptId: owned[0].id, phoneNumber: "+13125550199" }))).rejects.toThrow(
      /adoptId PN_\w+: the phone number has a different phoneNumber than the arguments, which cannot change in place/,
    );
    await expect(env.host.create(urn("stranger"), await inputs("stranger", { adoptId: "+13125550150" }))).rejects.toThrow(
      /adoptId \+13125550150: LiveKit has no phone number with this ID\. .*`lk number list`/,
    );
    expect(env.emulator.store.list("phoneNumber").filter((n) => n.e164_format === "+13125550199" || n.e164_format === "+13125550150")).toEqual([]);
  });
});
