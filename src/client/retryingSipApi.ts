import type { RetryPolicy } from "./retry";
import { withRetries } from "./retry";
import type { SipApi, SipMethod, SipRequest, SipResponse } from "./sipApi";

/**
 * Retries every call that is safe to repeat. Creates (and purchases) are passed through untouched:
 * repeating one whose answer was lost would make a duplicate, so they are retried by
 * `createIdempotently`, which first looks for the object the lost attempt may have made.
 */
export class RetryingSipApi implements SipApi {
  constructor(
    private readonly inner: SipApi,
    readonly policy: RetryPolicy,
  ) {}

  call<M extends SipMethod>(method: M, body: SipRequest<M>): Promise<SipResponse<M>> {
    if (/^(Create|Purchase)/.test(method)) return this.inner.call(method, body);
    return withRetries(this.policy, method, () => this.inner.call(method, body));
  }
}
