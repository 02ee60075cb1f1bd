import type { IncomingMessage } from "node:http";

/** LiveKit's default `limit.max_api_request_body_size`: 10 MiB. */
/**
 * LiveKit v1.13.5 reads request bodies of any size; the emulator stops at 64 MiB so that a runaway
 * client cannot exhaust its memory (a known difference: LiveKit would decode and refuse them).
 */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface RequestBody {
  readonly body: Buffer;
  /** More than the limit arrived; the rest was read and discarded. */
  readonly tooLarge: boolean;
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }));
    req.on("error", reject);
  });
}
