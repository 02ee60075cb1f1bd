import { sameNumber } from "./numbers";
import type { DispatchRuleLike, InboundTrunkLike, OutboundTrunkLike, StringList } from "./types";

/**
 * List filters and ordering of the List* methods (protocol `livekit/sip.go` `List…Request.Filter`,
 * livekit `redisstore_sip.go`). Filters are ANDed; a resource without numbers (or without trunk
 * IDs) is a wildcard and always passes the numbers (or trunk) filter. Missing IDs are simply
 * absent from the answer, as in OSS LiveKit.
 */

export interface TrunkListFilter {
  readonly trunkIds?: StringList;
  readonly numbers?: StringList;
}

export interface DispatchRuleListFilter {
  readonly dispatchRuleIds?: StringList;
  readonly trunkIds?: StringList;
}

const isEmpty = (list: StringList | undefined): list is undefined => list === undefined || list.length === 0;

const idSelected = (ids: StringList | undefined, id: string | undefined) => isEmpty(ids) || ids.includes(id ?? "");

/** Inbound numbers are compared exactly or after normalisation. */
export function inboundTrunkMatches(filter: TrunkListFilter, trunk: InboundTrunkLike): boolean {
  if (!idSelected(filter.trunkIds, trunk.sipTrunkId)) return false;
  const wanted = filter.numbers;
  if (isEmpty(wanted) || isEmpty(trunk.numbers)) return true;
  return trunk.numbers.some((num) => wanted.some((w) => sameNumber(num, w)));
}

/** Outbound numbers are compared exactly (no normalisation, unlike inbound). */
export function outboundTrunkMatches(filter: TrunkListFilter, trunk: OutboundTrunkLike): boolean {
  if (!idSelected(filter.trunkIds, trunk.sipTrunkId)) return false;
  const wanted = filter.numbers;
  if (isEmpty(wanted) || isEmpty(trunk.numbers)) return true;
  return trunk.numbers.some((num) => wanted.includes(num));
}

export function dispatchRuleMatches(filter: DispatchRuleListFilter, rule: DispatchRuleLike): boolean {
  if (!idSelected(filter.dispatchRuleIds, rule.sipDispatchRuleId)) return false;
  const wanted = filter.trunkIds;
  if (isEmpty(wanted) || isEmpty(rule.trunkIds)) return true;
  return rule.trunkIds.some((id) => wanted.includes(id));
}

/** LiveKit sorts list answers by ID, comparing bytes (IDs are ASCII). */
export function sortById<T>(items: Iterable<T>, id: (item: T) => string): T[] {
  return [...items].sort((a, b) => {
    const x = id(a);
    const y = id(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * `Pagination.after_id`: only IDs strictly greater. The OSS server treats `limit` as a batch size
 * and still answers every remaining item, so no truncation happens here.
 */
export function afterId<T>(sortedItems: readonly T[], after: string | undefined, id: (item: T) => string): T[] {
  if (!after) return [...sortedItems];
  return sortedItems.filter((item) => id(item) > after);
}
