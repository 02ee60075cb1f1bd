import type { TokenPagination } from "@livekit/protocol";
import { decodePageToken, encodePageToken } from "../../livekit/tokenPagination";
import { invalidArgument } from "../../livekit/twirp";

/** LiveKit's page size when a request names none. */
export const DEFAULT_PAGE_SIZE = 50;

/** One page of `items` for a request's `limit` and `page_token`, and the token of the next one. */
export function pageOf<T>(items: readonly T[], limit: number | undefined, token: TokenPagination | undefined): { items: T[]; next?: TokenPagination } {
  const window = decodePageToken(token);
  if (window === undefined) throw invalidArgument("failed to decode token");
  const size = [limit ?? 0, window.limit].find((n) => n > 0) ?? DEFAULT_PAGE_SIZE;
  const start = Math.max(0, window.offset);
  const end = start + size;
  return { items: items.slice(start, end), ...(end < items.length ? { next: encodePageToken({ offset: end, limit: size }) } : {}) };
}
