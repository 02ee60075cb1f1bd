import {
  GetPhoneNumberRequest,
  GetPhoneNumberResponse,
  ListPhoneNumbersRequest,
  ListPhoneNumbersResponse,
  PhoneNumber,
  PhoneNumberStatus,
  PurchasePhoneNumberRequest,
  PurchasePhoneNumberResponse,
  ReleasePhoneNumbersRequest,
  ReleasePhoneNumbersResponse,
  SearchPhoneNumbersRequest,
  SearchPhoneNumbersResponse,
  UpdatePhoneNumberRequest,
  UpdatePhoneNumberResponse,
  type PhoneNumberLookup,
} from "../../livekit/phoneNumberMessages";
import { normalizeNumber, sameNumber } from "../../livekit/numbers";
import { invalidArgument, TwirpError } from "../../livekit/twirp";
import { inInventory, inventory } from "../phoneNumbers/inventory";
import { pageOf } from "../phoneNumbers/pages";
import { inventoryItem, isOwned, purchased, released, withRule } from "../phoneNumbers/records";
import type { StoreReader } from "../store/sipStore";
import { dispatchRuleNotFound, requireSipAdmin, type HandlerContext } from "./context";

/**
 * `livekit.PhoneNumberService`, which LiveKit Cloud serves with the same `sip.admin` grant as the
 * SIP service. Its server is not open source; where the proto leaves behaviour open, the choices
 * are listed in docs/emulator.md (error codes, what a release keeps).
 */

/** The emulator's choice: LiveKit does not document the format of phone-number IDs. */
const PHONE_NUMBER_PREFIX = "PN_";

const numberNotFound = () => new TwirpError("not_found", "phone number not found");

const owned = (store: StoreReader) => store.list("phoneNumber").filter(isOwned);

/** By ID, or by number: the one the project owns, else the latest one it released. */
function lookup(store: StoreReader, req: PhoneNumberLookup): PhoneNumber {
  const id = req.id ?? "";
  const number = req.phoneNumber ?? "";
  if ((id === "") === (number === "")) throw invalidArgument("exactly one of id or phone_number is required");
  const found =
    id !== ""
      ? store.get("phoneNumber", id)
      : store
          .list("phoneNumber")
          .filter((n) => sameNumber(n.e164Format, number))
          .sort((a, b) => Number(isOwned(b)) - Number(isOwned(a)) || Number((b.releasedAt?.seconds ?? 0n) - (a.releasedAt?.seconds ?? 0n)))[0];
  if (found === undefined) throw numberNotFound();
  return found;
}

function requireRule(store: StoreReader, ruleId: string): void {
  if (ruleId !== "" && store.get("dispatchRule", ruleId) === undefined) throw dispatchRuleNotFound();
}

export function searchPhoneNumbers(req: SearchPhoneNumbersRequest, ctx: HandlerContext): SearchPhoneNumbersResponse {
  requireSipAdmin(ctx);
  if (req.countryCode === "") throw invalidArgument("country code is required");
  const taken = new Set(owned(ctx.store).map((n) => n.e164Format));
  const page = pageOf(
    inventory(req.countryCode, req.areaCode).filter((n) => !taken.has(n)),
    req.limit,
    req.pageToken,
  );
  return new SearchPhoneNumbersResponse({ items: page.items.map(inventoryItem), nextPageToken: page.next });
}

/** The E.164 spelling of a number the project may buy now. */
function purchasable(store: StoreReader, raw: string): string {
  const e164 = normalizeNumber(raw);
  if (!/^\+[1-9]\d{6,14}$/.test(e164)) throw invalidArgument(`invalid phone number ${JSON.stringify(raw)}: use E.164, e.g. +14155550100`);
  if (owned(store).some((n) => n.e164Format === e164)) throw new TwirpError("already_exists", `phone number ${e164} is already owned by this project`);
  if (!inInventory(e164)) throw new TwirpError("failed_precondition", `phone number ${e164} is not available for purchase`);
  return e164;
}

/** All or nothing: every number is checked before any is bought. */
export function purchasePhoneNumber(req: PurchasePhoneNumberRequest, ctx: HandlerContext): Promise<PurchasePhoneNumberResponse> {
  requireSipAdmin(ctx);
  if (req.phoneNumbers.length === 0) throw invalidArgument("at least one phone number is required");
  return ctx.store.exclusive((tx) => {
    const ruleId = req.sipDispatchRuleId ?? "";
    requireRule(tx, ruleId);
    const numbers = req.phoneNumbers.map((n) => purchasable(tx, n));
    if (new Set(numbers).size < numbers.length) throw invalidArgument("the same phone number is listed twice");
    const now = ctx.clock.now();
    const bought = numbers.map((e164) => purchased(e164, tx.newId(PHONE_NUMBER_PREFIX), ruleId, now));
    tx.commit(bought.map((value) => ({ kind: "phoneNumber", id: value.id, value })));
    return new PurchasePhoneNumberResponse({ phoneNumbers: bought });
  });
}

export function listPhoneNumbers(req: ListPhoneNumbersRequest, ctx: HandlerContext): ListPhoneNumbersResponse {
  requireSipAdmin(ctx);
  const ruleId = req.sipDispatchRuleId ?? "";
  const matching = ctx.store
    .list("phoneNumber")
    .filter((n) => req.statuses.length === 0 || req.statuses.includes(n.status))
    .filter((n) => ruleId === "" || n.sipDispatchRuleIds.includes(ruleId));
  const page = pageOf(matching, req.limit, req.pageToken);
  return new ListPhoneNumbersResponse({
    items: page.items,
    nextPageToken: page.next,
    totalCount: matching.length,
    offlineCount: matching.filter((n) => n.status === PhoneNumberStatus.OFFLINE).length,
  });
}

export function getPhoneNumber(req: GetPhoneNumberRequest, ctx: HandlerContext): GetPhoneNumberResponse {
  requireSipAdmin(ctx);
  return new GetPhoneNumberResponse({ phoneNumber: lookup(ctx.store, req) });
}

/** Assigns the rule given (`""` unassigns); without `sip_dispatch_rule_id` nothing changes. */
export function updatePhoneNumber(req: UpdatePhoneNumberRequest, ctx: HandlerContext): Promise<UpdatePhoneNumberResponse> {
  requireSipAdmin(ctx);
  return ctx.store.exclusive((tx) => {
    const stored = lookup(tx, req);
    if (!isOwned(stored)) throw new TwirpError("failed_precondition", `phone number ${stored.e164Format} has been released`);
    if (req.sipDispatchRuleId === undefined) return new UpdatePhoneNumberResponse({ phoneNumber: stored });
    requireRule(tx, req.sipDispatchRuleId);
    const updated = withRule(stored, req.sipDispatchRuleId, ctx.clock.now());
    tx.commit([{ kind: "phoneNumber", id: updated.id, value: updated }]);
    return new UpdatePhoneNumberResponse({ phoneNumber: updated });
  });
}

/** All or nothing; releasing a number that is already released changes nothing. */
export function releasePhoneNumbers(req: ReleasePhoneNumbersRequest, ctx: HandlerContext): Promise<ReleasePhoneNumbersResponse> {
  requireSipAdmin(ctx);
  if (req.ids.length === 0 && req.phoneNumbers.length === 0) throw invalidArgument("ids or phone_numbers are required");
  return ctx.store.exclusive((tx) => {
    const named = [...req.ids.map((id) => lookup(tx, { id })), ...req.phoneNumbers.map((phoneNumber) => lookup(tx, { phoneNumber }))];
    const now = ctx.clock.now();
    const changes = [...new Set(named.filter(isOwned))].map((n) => released(n, now));
    tx.commit(changes.map((value) => ({ kind: "phoneNumber", id: value.id, value })));
    return new ReleasePhoneNumbersResponse();
  });
}
