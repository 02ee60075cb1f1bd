import type { PageRequest } from "../../livekit/listFilters";
import type { Resources, ResourceKind } from "../store/resources";
import type { HandlerContext } from "./context";

/**
 * What a List* request reads before its filter: without a page, only what the filter's IDs or
 * keys can match (the store's indexes); with one, everything, as LiveKit's batches are counted
 * over every stored ID.
 */
export function listed<K extends ResourceKind>(
  ctx: HandlerContext,
  kind: K,
  page: PageRequest | undefined,
  keys: readonly string[] | undefined,
  ids: readonly string[] | undefined,
): readonly Resources[K][] {
  return page === undefined ? ctx.store.narrowed(kind, keys ?? [], ids ?? []) : ctx.store.list(kind);
}
