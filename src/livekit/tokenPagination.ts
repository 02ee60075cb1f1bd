import { TokenPagination } from "@livekit/protocol";

/**
 * The page tokens of LiveKit's newer list methods (protocol `livekit/types.go`
 * `EncodeTokenPagination`): URL-safe base64 of `{"offset":…,"limit":…}`. Clients treat them as
 * opaque and pass back `next_page_token` until it is empty.
 */

export interface PageWindow {
  readonly offset: number;
  readonly limit: number;
}

/** Go's `base64.URLEncoding` keeps the `=` padding that Node's "base64url" drops. */
const goUrlBase64 = (text: string) => Buffer.from(text).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");

export const encodePageToken = (window: PageWindow): TokenPagination =>
  new TokenPagination({ token: goUrlBase64(JSON.stringify({ offset: window.offset, limit: window.limit })) });

/** `DecodeTokenPagination`: zeroes for no token; undefined when the token does not decode. */
export function decodePageToken(token: TokenPagination | undefined): PageWindow | undefined {
  if (token === undefined || token.token === "") return { offset: 0, limit: 0 };
  try {
    const data = JSON.parse(Buffer.from(token.token, "base64url").toString("utf8")) as Partial<PageWindow>;
    return { offset: Number(data.offset ?? 0) | 0, limit: Number(data.limit ?? 0) | 0 };
  } catch {
    return undefined;
  }
}
