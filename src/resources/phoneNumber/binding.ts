import { isNotFound } from "../../client/errors";
import type { SipApi, SipResponse } from "../../client/sipApi";
import type { ObjectWire } from "../../schema/composite";
import type { LiveKitBinding } from "../definition";
import type { phoneNumberSchema } from "./schema";

/** A number as LiveKit's JSON describes it (`PhoneNumber`). */
type LivePhoneNumber = SipResponse<"ListPhoneNumbers">["items"][number];

/** What `phoneNumberSchema.toWire` sends: the number or a search, and the rule. */
type PhoneNumberWire = ObjectWire<typeof phoneNumberSchema.fields>;

/** Numbers the project owns; released ones stay listed by LiveKit but are gone for Pulumi. */
const OWNED = ["PHONE_NUMBER_STATUS_ACTIVE", "PHONE_NUMBER_STATUS_PENDING", "PHONE_NUMBER_STATUS_OFFLINE"];

/**
 * LiveKit's `PhoneNumber` under the names the schema uses: `phoneNumber` for `e164Format` (as the
 * requests call it), the resource ID, and the assigned rule from the list that replaced the
 * deprecated single field.
 */
const asLive = (number: LivePhoneNumber) => ({
  ...number,
  phoneNumberId: number.id,
  phoneNumber: number.e164Format,
  sipDispatchRuleId: number.sipDispatchRuleIds?.[0] ?? number.sipDispatchRuleId ?? "",
});

/** The number a Get or Update answers with, which LiveKit always includes in a successful answer. */
function answered(method: "GetPhoneNumber" | "UpdatePhoneNumber", phoneNumber: LivePhoneNumber | undefined): LivePhoneNumber {
  if (phoneNumber === undefined) throw new Error(`LiveKit answered ${method} without the number`);
  return phoneNumber;
}

/** Get and Update name a number by ID or by the number itself (what adoptId may hold). */
const lookup = (idOrNumber: string) => (idOrNumber.startsWith("+") ? { phoneNumber: idOrNumber } : { id: idOrNumber });

/** The first number for sale that matches the search: the search is resolved here, once. */
async function firstForSale(api: SipApi, countryCode: string, areaCode: string | undefined): Promise<string> {
  const { items } = await api.call("SearchPhoneNumbers", { countryCode, ...(areaCode ? { areaCode } : {}), limit: 1 });
  if (items.length === 0) {
    throw new Error(`LiveKit has no numbers for sale in ${countryCode}${areaCode ? ` with area code ${areaCode}` : ""}; search another area code (\`lk number search\`)`);
  }
  return items[0].e164Format;
}

/** Buys, assigns and releases LiveKit Phone Numbers (`livekit.PhoneNumberService`). */
export const phoneNumberBinding: LiveKitBinding<PhoneNumberWire> = {
  async create(api, wire) {
    const { phoneNumber, countryCode, areaCode, sipDispatchRuleId } = wire;
    if (phoneNumber === undefined && countryCode === undefined) {
      throw new Error("nothing to buy: set phoneNumber, or countryCode (and areaCode) to search; or adoptId to take over a number the project owns");
    }
    const number = phoneNumber ?? (await firstForSale(api, countryCode!, areaCode));
    const { phoneNumbers } = await api.call("PurchasePhoneNumber", { phoneNumbers: [number], ...(sipDispatchRuleId ? { sipDispatchRuleId } : {}) });
    return asLive(phoneNumbers[0]);
  },
  async replace(api, idOrNumber, wire) {
    const sipDispatchRuleId = wire.sipDispatchRuleId ?? "";
    const { phoneNumber } = await api.call("UpdatePhoneNumber", { ...lookup(idOrNumber), sipDispatchRuleId });
    return asLive(answered("UpdatePhoneNumber", phoneNumber));
  },
  async get(api, idOrNumber) {
    try {
      const phoneNumber = answered("GetPhoneNumber", (await api.call("GetPhoneNumber", lookup(idOrNumber))).phoneNumber);
      return OWNED.includes(phoneNumber.status) ? asLive(phoneNumber) : undefined;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  },
  async remove(api, id) {
    try {
      await api.call("ReleasePhoneNumbers", { ids: [id] });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  },
  // LiveKit pages phone numbers (50 by default) with opaque tokens.
  async list(api) {
    const numbers: LivePhoneNumber[] = [];
    let pageToken: { token: string } | undefined;
    do {
      const page = await api.call("ListPhoneNumbers", { statuses: OWNED, ...(pageToken ? { pageToken } : {}) });
      numbers.push(...page.items);
      pageToken = page.nextPageToken?.token ? { token: page.nextPageToken.token } : undefined;
    } while (pageToken);
    return numbers.map(asLive);
  },
};
