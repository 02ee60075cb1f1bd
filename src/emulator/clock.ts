import { Timestamp } from "@bufbuild/protobuf";

/**
 * Wall-clock timestamps for `created_at` / `updated_at`, at microsecond resolution and strictly
 * increasing within a process, so an update always moves `updated_at` forward.
 */
export class MonotonicClock {
  private lastNanos = 0n;

  now(): Timestamp {
    const micros = BigInt(Math.round((performance.timeOrigin + performance.now()) * 1000));
    let nanos = micros * 1000n;
    if (nanos <= this.lastNanos) nanos = this.lastNanos + 1000n;
    this.lastNanos = nanos;
    return new Timestamp({ seconds: nanos / 1_000_000_000n, nanos: Number(nanos % 1_000_000_000n) });
  }
}
