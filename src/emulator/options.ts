/**
 * Options of `startEmulator` and the `livekit-sip emulator` command.
 */

/** The same development credentials and address as `livekit-server --dev`. */
export const EMULATOR_DEFAULTS = {
  host: "127.0.0.1",
  port: 7880,
  apiKey: "devkey",
  apiSecret: "secret",
} as const;

/**
 * How an injected failure looks to the client:
 * - `unavailable`: HTTP 503, Twirp `unavailable` (what a LiveKit node that cannot serve answers);
 * - `resource_exhausted`: HTTP 403, Twirp `resource_exhausted` (twirp's own status for that code);
 * - `rate_limited`: HTTP 429 with `Retry-After: 1` and a Twirp `resource_exhausted` body, the way
 *   an edge proxy in front of LiveKit Cloud throttles;
 * - `drop`: the connection is destroyed without any answer.
 */
export type FaultKind = "unavailable" | "resource_exhausted" | "rate_limited" | "drop";

export const FAULT_KINDS: readonly FaultKind[] = ["unavailable", "resource_exhausted", "rate_limited", "drop"];

/** When the failure replaces the answer: before the request is processed, or after (changes applied). */
export type FaultTiming = "before" | "after" | "either";

export const FAULT_TIMINGS: readonly FaultTiming[] = ["before", "after", "either"];

export interface FaultOptions {
  /** Fraction (0–1) of the selected requests that fail. */
  readonly rate: number;
  /** Seed of the deterministic PRNG; the same seed and request sequence give the same failures. Default 1. */
  readonly seed?: number;
  /** Failure kinds, picked uniformly per failing request. Default `["unavailable"]`. */
  readonly kinds?: readonly FaultKind[];
  /**
   * Which Twirp methods may fail: `"all"` (default), `"mutating"` (Create*, Update*, Delete*,
   * and the participant calls), `"read"` (Get*, List*), or explicit method names.
   */
  readonly methods?: "all" | "mutating" | "read" | readonly string[];
  /**
   * `"before"` (default) fails without touching state; `"after"` applies the request and then
   * fails, the hard case where a client cannot know its change happened; `"either"` picks per
   * failing request.
   */
  readonly timing?: FaultTiming;
}

/** Added delay per request: a fixed number of milliseconds or a uniform range. */
export type LatencyOption = number | { readonly minMs: number; readonly maxMs: number };

export type EmulatorMode = "oss" | "cloud";

export const EMULATOR_MODES: readonly EmulatorMode[] = ["oss", "cloud"];

export interface EmulatorOptions {
  /** Interface to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** TCP port; `0` picks a free one. Default `7880`. */
  readonly port?: number;
  /** API key accepted as the token issuer. Default `devkey`. */
  readonly apiKey?: string;
  /** Secret of that key. Default `secret`. */
  readonly apiSecret?: string;
  /** File to keep state in across restarts; every acknowledged change is in it. Default: memory only. */
  readonly statePath?: string;
  /** Delay added to every request before it is processed. */
  readonly latency?: LatencyOption;
  /** Injected failures. */
  readonly faults?: FaultOptions;
  /** Seed for the latency PRNG when `latency` is a range. Default: `faults.seed`, else 1. */
  readonly latencySeed?: number;
  /**
   * Which LiveKit to answer like:
   * - `"oss"` (default): LiveKit's open-source server (v1.13.5, checked by the differential tests):
   *   no `created_at`/`updated_at`, and an update that moves an inbound trunk (or a dispatch rule)
   *   to a disjoint set of numbers (or trunks) skips the conflict check;
   * - `"cloud"`: LiveKit Cloud's differences we know of: both timestamps set (`created_at` kept,
   *   `updated_at` moved on every update), and conflicts checked on those updates too.
   */
  readonly mode?: EmulatorMode;
  /**
   * Overrides the mode's choice of whether an update that moves a trunk or rule to disjoint
   * numbers or trunks skips the conflict check (`true` in `"oss"` mode, `false` in `"cloud"`).
   */
  readonly ossUpdateConflictGap?: boolean;
  /**
   * Differential testing only: a create takes its ID from the `X-LiveKit-Emulator-Id` request
   * header, so the emulator's IDs (and so its list order and conflict walks) equal those another
   * LiveKit server gave the same request. Default `false`.
   */
  readonly acceptIdHints?: boolean;
  /** Receives one line per request (method, status, duration). No secrets or tokens are logged. */
  readonly log?: (line: string) => void;
}

/** Throws a descriptive error for options that cannot work. */
export function checkOptions(options: EmulatorOptions): void {
  const { port, faults, latency } = options;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`port must be an integer between 0 and 65535, got ${port}`);
  }
  if (options.apiKey === "" || options.apiSecret === "") throw new Error("API key and secret must not be empty");
  if (latency !== undefined) checkLatency(latency);
  if (faults !== undefined) checkFaults(faults);
}

function checkLatency(latency: LatencyOption): void {
  const [min, max] = typeof latency === "number" ? [latency, latency] : [latency.minMs, latency.maxMs];
  if (!(Number.isFinite(min) && Number.isFinite(max) && min >= 0 && max >= min)) {
    throw new Error(`latency must be a non-negative number of milliseconds or a range min ≤ max, got ${JSON.stringify(latency)}`);
  }
}

function checkFaults(faults: FaultOptions): void {
  if (!(faults.rate >= 0 && faults.rate <= 1)) throw new Error(`fault rate must be between 0 and 1, got ${faults.rate}`);
  const kinds = faults.kinds ?? ["unavailable"];
  if (kinds.length === 0) throw new Error("at least one fault kind is needed");
  for (const kind of kinds) {
    if (!FAULT_KINDS.includes(kind)) throw new Error(`unknown fault kind ${kind} (expected one of ${FAULT_KINDS.join(", ")})`);
  }
  if (faults.timing !== undefined && !FAULT_TIMINGS.includes(faults.timing)) {
    throw new Error(`unknown fault timing ${faults.timing} (expected one of ${FAULT_TIMINGS.join(", ")})`);
  }
  if (faults.seed !== undefined && !Number.isInteger(faults.seed)) throw new Error(`fault seed must be an integer, got ${faults.seed}`);
}
