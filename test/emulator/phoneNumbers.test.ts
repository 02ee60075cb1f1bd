import { join } from "node:path";
import { LiveKitApiError } from "../../src/client/errors";
import type { SipMethod, SipRequest, SipResponse } from "../../src/client/sipApi";
import { TwirpSipApi } from "../../src/client/twirpSipApi";
import { startEmulator } from "../../src/emulator";
import { SearchPhoneNumbersRequest, SearchPhoneNumbersResponse } from "../../src/livekit/phoneNumberMessages";
import { useTempDir } from "./support/cli";
import { useEmulator } from "./support/emulator";
import { post } from "./support/rpc";
import { token } from "./support/tokens";

/** `livekit.PhoneNumberService`: a deterministic inventory, purchase, assignment, release. */

const emulator = useEmulator();
const api = () => new TwirpSipApi({ url: emulator().url, apiKey: emulator().apiKey, apiSecret: emulator().apiSecret });
/** Protobuf JSON has no `undefined`; dropping it lets the helpers below pass optional fields through. */
const call = <M extends SipMethod>(method: M, body: SipRequest<M>): Promise<SipResponse<M>> => {
  const defined: SipRequest<M> = JSON.parse(JSON.stringify(body));
  return api().call(method, defined);
};

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LiveKitApiError);
  const { code, detail } = error as LiveKitApiError;
  return { code, detail };
};

const search = async (countryCode: string, areaCode?: string, limit = 3) =>
  (await call("SearchPhoneNumbers", { countryCode, areaCode, limit })).items.map((i) => i.e164Format);
let pins = 0;
/** A new dispatch rule; each gets its own pin, so rules never conflict. */
const rule = async () =>
  (await call("CreateSIPDispatchRule", { dispatchRule: { rule: { dispatchRuleIndividual: { roomPrefix: "call", pin: String(1000 + ++pins) } } } })).sipDispatchRuleId;
const buy = async (phoneNumbers: string[], sipDispatchRuleId?: string) =>
  (await call("PurchasePhoneNumber", { phoneNumbers, sipDispatchRuleId })).phoneNumbers;

describe("search", () => {
  it("offers the same numbers on every run, in order, with what LiveKit derives from them", async () => {
    expect(await search("US", "415")).toEqual(["+14155550100", "+14155550101", "+14155550102"]);
    const [first] = (await call("SearchPhoneNumbers", { countryCode: "US", areaCode: "800", limit: 1 })).items;
    expect(first).toMatchObject({ e164Format: "+18005550100", countryCode: "US", areaCode: "800", numberType: "PHONE_NUMBER_TYPE_TOLL_FREE", capabilities: ["voice"] });
    expect(await search("GB", undefined, 1)).toEqual(["+447400123400"]);
  });

  it("pages with LiveKit's tokens until the inventory is exhausted", async () => {
    const pages: string[][] = [];
    let pageToken: SipRequest<"SearchPhoneNumbers">["pageToken"];
    do {
      const page = await call("SearchPhoneNumbers", { countryCode: "US", areaCode: "212", limit: 40, pageToken });
      pages.push(page.items.map((i) => i.e164Format));
      pageToken = page.nextPageToken?.token ? page.nextPageToken : undefined;
    } while (pageToken);
    expect(pages.map((p) => p.length)).toEqual([40, 40, 20]);
    expect(new Set(pages.flat()).size).toBe(100);
  });

  it("finds nothing for unknown countries and malformed area codes, and needs a country", async () => {
    expect(await search("ZZ")).toEqual([]);
    expect(await search("US", "4x5")).toEqual([]);
    expect(await failure(call("SearchPhoneNumbers", {}))).toEqual({ code: "invalid_argument", detail: "country code is required" });
  });
});

describe("purchase", () => {
  it("buys numbers with a rule as active and without one as offline, and no longer offers them", async () => {
    const ruleId = await rule();
    const [routed] = await buy(["+14155550100"], ruleId);
    expect(routed).toMatchObject({ e164Format: "+14155550100", status: "PHONE_NUMBER_STATUS_ACTIVE", sipDispatchRuleId: ruleId, sipDispatchRuleIds: [ruleId] });
    expect(routed.id).toMatch(/^PN_[2-9A-HJ-NP-Za-km-z]{12}$/);
    expect(routed.createdAt).toEqual(routed.assignedAt);
    const [idle] = await buy(["+1 (415) 555-0101"]);
    expect(idle).toMatchObject({ e164Format: "+14155550101", status: "PHONE_NUMBER_STATUS_OFFLINE", sipDispatchRuleIds: [] });
    expect(await search("US", "415", 1)).toEqual(["+14155550102"]);
  });

  it("refuses numbers it cannot sell, and buys nothing when one number of several fails", async () => {
    await buy(["+14155550100"]);
    expect(await failure(buy(["+14155550100"]))).toEqual({ code: "already_exists", detail: "phone number +14155550100 is already owned by this project" });
    expect(await failure(buy(["+14155551234"]))).toEqual({ code: "failed_precondition", detail: "phone number +14155551234 is not available for purchase" });
    expect((await failure(buy(["sales"]))).code).toBe("invalid_argument");
    expect(await failure(buy(["+14155550101"], "SDR_missing"))).toEqual({ code: "not_found", detail: "requested sip dispatch rule does not exist" });
    expect((await failure(buy(["+14155550102", "+14155551234"]))).code).toBe("failed_precondition");
    expect(emulator().store.list("phoneNumber")).toHaveLength(1);
  });
});

describe("assignment", () => {
  it("assigns, changes and removes the rule by ID or by number, moving the status", async () => {
    const [first, second] = [await rule(), await rule()];
    const [number] = await buy(["+14155550100"]);
    const update = async (lookup: { id?: string; phoneNumber?: string }, sipDispatchRuleId?: string) =>
      (await call("UpdatePhoneNumber", { ...lookup, sipDispatchRuleId })).phoneNumber;
    expect(await update({ id: number.id }, first)).toMatchObject({ status: "PHONE_NUMBER_STATUS_ACTIVE", sipDispatchRuleIds: [first] });
    expect(await update({ phoneNumber: "+14155550100" }, second)).toMatchObject({ status: "PHONE_NUMBER_STATUS_ACTIVE", sipDispatchRuleIds: [second] });
    expect(await update({ id: number.id })).toMatchObject({ sipDispatchRuleIds: [second] });
    expect(await update({ id: number.id }, "")).toMatchObject({ status: "PHONE_NUMBER_STATUS_OFFLINE", sipDispatchRuleIds: [] });
  });

  it("keeps a number that is still being provisioned pending", async () => {
    const [number] = await buy(["+14155550100"]);
    await emulator().store.put("phoneNumber", { ...emulator().store.get("phoneNumber", number.id)!, status: "PHONE_NUMBER_STATUS_PENDING" });
    const updated = await call("UpdatePhoneNumber", { id: number.id, sipDispatchRuleId: await rule() });
    expect(updated.phoneNumber?.status).toBe("PHONE_NUMBER_STATUS_PENDING");
  });

  it("names what is wrong with the lookup, the rule or the number", async () => {
    expect((await failure(call("UpdatePhoneNumber", { sipDispatchRuleId: "" }))).code).toBe("invalid_argument");
    expect(await failure(call("GetPhoneNumber", { id: "PN_unknown" }))).toEqual({ code: "not_found", detail: "phone number not found" });
    const [number] = await buy(["+14155550100"]);
    expect((await failure(call("UpdatePhoneNumber", { id: number.id, sipDispatchRuleId: "SDR_missing" }))).code).toBe("not_found");
    await call("ReleasePhoneNumbers", { ids: [number.id] });
    expect((await failure(call("UpdatePhoneNumber", { id: number.id, sipDispatchRuleId: "" }))).code).toBe("failed_precondition");
  });
});

describe("release", () => {
  it("keeps the number as released, offers it again, and a second release changes nothing", async () => {
    const [number] = await buy(["+14155550100"], await rule());
    await call("ReleasePhoneNumbers", { phoneNumbers: ["+14155550100"] });
    const got = (await call("GetPhoneNumber", { id: number.id })).phoneNumber;
    expect(got).toMatchObject({ status: "PHONE_NUMBER_STATUS_RELEASED", sipDispatchRuleIds: [], releasedAt: expect.any(String) });
    await call("ReleasePhoneNumbers", { ids: [number.id] });
    expect((await call("GetPhoneNumber", { id: number.id })).phoneNumber?.updatedAt).toBe(got?.updatedAt);
    expect(await search("US", "415", 1)).toEqual(["+14155550100"]);
  });

  it("buys a released number again under a new ID, which a lookup by number then finds", async () => {
    const [old] = await buy(["+14155550100"]);
    await call("ReleasePhoneNumbers", { ids: [old.id] });
    const [again] = await buy(["+14155550100"]);
    expect(again.id).not.toBe(old.id);
    expect((await call("GetPhoneNumber", { phoneNumber: "+14155550100" })).phoneNumber?.id).toBe(again.id);
  });

  it("refuses unknown numbers without releasing the others", async () => {
    const [number] = await buy(["+14155550100"]);
    expect((await failure(call("ReleasePhoneNumbers", { ids: [number.id, "PN_unknown"] }))).code).toBe("not_found");
    expect((await failure(call("ReleasePhoneNumbers", {}))).code).toBe("invalid_argument");
    expect(emulator().store.get("phoneNumber", number.id)?.status).toBe("PHONE_NUMBER_STATUS_OFFLINE");
  });
});

describe("list", () => {
  it("filters by status and rule, counts offline numbers, and pages", async () => {
    const ruleId = await rule();
    const routed = await buy(["+14155550100", "+14155550101"], ruleId);
    const [idle, gone] = await buy(["+14155550102", "+14155550103"]);
    await call("ReleasePhoneNumbers", { ids: [gone.id] });
    const list = (body: SipRequest<"ListPhoneNumbers">) => call("ListPhoneNumbers", body);
    const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

    expect((await list({})).totalCount).toBe(4);
    const owned = await list({ statuses: ["PHONE_NUMBER_STATUS_ACTIVE", "PHONE_NUMBER_STATUS_OFFLINE"] });
    expect(ids(owned.items)).toEqual(ids([...routed, idle]));
    expect(owned.offlineCount).toBe(1);
    expect(ids((await list({ sipDispatchRuleId: ruleId })).items)).toEqual(ids(routed));
    const first = await list({ limit: 3 });
    const rest = await list({ pageToken: first.nextPageToken });
    expect([first.items.length, rest.items.length, rest.nextPageToken?.token ?? ""]).toEqual([3, 1, ""]);
  });
});

describe("the service over the wire", () => {
  it("requires the sip.admin grant, like the SIP service", async () => {
    const res = await post(emulator().url, "/twirp/livekit.PhoneNumberService/ListPhoneNumbers", { token: token({ sip: { call: true } }) });
    expect([res.status, JSON.parse(res.text)]).toEqual([401, { code: "unauthenticated", msg: "permissions denied" }]);
  });

  it("answers protobuf requests, as the Go SDK sends them, and counts them per method", async () => {
    const body = new SearchPhoneNumbersRequest({ countryCode: "US", areaCode: "415", limit: 1 }).toBinary();
    const res = await post(emulator().url, "/twirp/livekit.PhoneNumberService/SearchPhoneNumbers", { body, contentType: "application/protobuf" });
    expect(SearchPhoneNumbersResponse.fromBinary(res.bytes).items.map((i) => i.e164Format)).toEqual(["+14155550100"]);
    expect(emulator().stats().byMethod).toEqual({ SearchPhoneNumbers: 1 });
    const unknown = await post(emulator().url, "/twirp/livekit.PhoneNumberService/DeleteEverything");
    expect(unknown.status).toBe(404);
  });

  it("can fail purchases like any other mutating method", async () => {
    emulator().setFaults({ rate: 1, methods: "mutating" });
    expect((await failure(buy(["+14155550100"]))).code).toBe("unavailable");
    expect(await search("US", "415", 1)).toEqual(["+14155550100"]);
  });
});

describe("state file", () => {
  const tempDir = useTempDir();

  it("keeps bought and released numbers across a restart", async () => {
    const statePath = join(tempDir(), "numbers.json");
    const first = await startEmulator({ port: 0, statePath });
    const firstApi = new TwirpSipApi({ url: first.url, apiKey: first.apiKey, apiSecret: first.apiSecret });
    const { phoneNumbers } = await firstApi.call("PurchasePhoneNumber", { phoneNumbers: ["+14155550100", "+14155550101"] });
    await firstApi.call("ReleasePhoneNumbers", { ids: [phoneNumbers[1].id] });
    await first.close();
    const second = await startEmulator({ port: 0, statePath });
    try {
      const statuses = second.store.list("phoneNumber").map((n) => [n.e164_format, n.status]);
      expect(statuses.sort()).toEqual([
        ["+14155550100", "PHONE_NUMBER_STATUS_OFFLINE"],
        ["+14155550101", "PHONE_NUMBER_STATUS_RELEASED"],
      ]);
    } finally {
      await second.close();
    }
  });
});
