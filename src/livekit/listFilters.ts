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

export interface PageRequest {
  readonly afterId?: string;
  readonly limit?: number;
}

/**
 * A List* answer as LiveKit v1.13.5 builds it (`ListPageIter` over the Redis store). Without a
 * `page`, every match. With one, the store reads `limit` IDs (1000 when 0) after the cursor, in
 * ID order, and keeps the matches; the server reads batch after batch, moving the cursor to the
 * last ID kept, and stops at the first batch that keeps nothing. So `limit` is a batch size, not a
 * cap, and matches beyond a batch without any are left out: LiveKit's behaviour, reproduced.
 */
export function pagedList<T>(sortedItems: readonly T[], page: PageRequest | undefined, id: (item: T) => string, matches: (item: T) => boolean): T[] {
  if (page === undefined) return sortedItems.filter(matches);
  const batchSize = page.limit !== undefined && page.limit > 0 ? page.limit : 1000;
  let cursor = page.afterId ?? "";
  const answer: T[] = [];
  for (;;) {
    const start = cursor === "" ? 0 : firstAfter(sortedItems, cursor, id);
    const kept = sortedItems.slice(start, start + batchSize).filter((item) => matches(item) && (cursor === "" || id(item) > cursor));
    if (kept.length === 0) return answer;
    answer.push(...kept);
    cursor = id(kept[kept.length - 1]);
  }
}

/** The index of the first item whose ID is greater than `after` (Go's slices.BinarySearch, then past an exact hit). */
function firstAfter<T>(sortedItems: readonly T[], after: string, id: (item: T) => string): number {
  let lo = 0;
  let hi = sortedItems.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (id(sortedItems[mid]) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
