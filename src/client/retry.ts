import { isTransient, LiveKitApiError } from "./errors";

export interface RetryPolicy {
  /** Attempts after the first one. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** One line per retry; never given request bodies, so never a secret. */
  log: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  log: (line) => console.error(line),
};

/** Exponential backoff with full jitter, stretched to what the server asked for when it did. */
export function backoffMs(policy: RetryPolicy, attempt: number, error: unknown): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const jittered = Math.round((policy.random ?? Math.random)() * ceiling);
  const asked = error instanceof LiveKitApiError ? error.retryAfterMs : undefined;
  return asked === undefined ? jittered : Math.min(policy.maxDelayMs, Math.max(jittered, asked));
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, fails for a reason retrying cannot fix, or retries run out.
 * `beforeRetry` may settle the outcome instead of trying again (e.g. a create that turns out to
 * have been applied).
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  label: string,
  attempt: () => Promise<T>,
  beforeRetry?: (error: unknown) => Promise<T | undefined>,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransient(error) || retry >= policy.maxRetries) throw error;
      const settled = await beforeRetry?.(error);
      if (settled !== undefined) return settled;
      const delay = backoffMs(policy, retry, error);
      policy.log(`livekit: ${label} failed (${(error as Error).message}); retry ${retry + 1}/${policy.maxRetries} in ${delay} ms`);
      await (policy.sleep ?? defaultSleep)(delay);
    }
  }
}
