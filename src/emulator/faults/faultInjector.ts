import { TwirpError } from "../../livekit/twirp";
import type { FaultKind, FaultOptions, LatencyOption } from "../options";
import { twirpErrorReply, type HttpReply } from "../wire/httpReply";
import { seededRandom } from "./prng";

export interface FaultDecision {
  readonly kind: FaultKind;
  readonly timing: "before" | "after";
}

/** Whether a Twirp method changes anything; undefined for names the service does not have. */
export type MethodClassifier = (method: string) => "mutating" | "read" | undefined;

/**
 * Decides, per request and deterministically from a seed, whether it fails and how.
 * Every selected request draws exactly three numbers, so the decision for the n-th selected
 * request depends only on the seed and n, not on the outcome of earlier ones.
 */
export class FaultInjector {
  private readonly random: () => number;
  private readonly latencyRandom: () => number;

  constructor(
    private readonly faults: FaultOptions | undefined,
    private readonly latency: LatencyOption | undefined,
    latencySeed: number | undefined,
    private readonly classify: MethodClassifier,
  ) {
    const seed = faults?.seed ?? 1;
    this.random = seededRandom(seed);
    this.latencyRandom = seededRandom(latencySeed ?? seed);
    const methods = faults?.methods;
    if (Array.isArray(methods)) {
      const unknown = methods.filter((m) => classify(m) === undefined);
      if (unknown.length > 0) throw new Error(`unknown method(s) for fault injection: ${unknown.join(", ")}`);
    }
  }

  private selects(method: string): boolean {
    const methods = this.faults?.methods ?? "all";
    const kind = this.classify(method);
    if (kind === undefined) return false;
    if (methods === "all") return true;
    if (methods === "mutating" || methods === "read") return kind === methods;
    return methods.includes(method);
  }

  /** `method` is the Twirp method name of the request, undefined for paths outside the service. */
  decide(method: string | undefined): FaultDecision | undefined {
    const faults = this.faults;
    if (faults === undefined || method === undefined || !this.selects(method)) return undefined;
    const [fail, pick, when] = [this.random(), this.random(), this.random()];
    if (fail >= faults.rate) return undefined;
    const kinds = faults.kinds ?? ["unavailable"];
    const timing = faults.timing ?? "before";
    return {
      kind: kinds[Math.floor(pick * kinds.length)],
      timing: timing === "either" ? (when < 0.5 ? "before" : "after") : timing,
    };
  }

  delayMs(): number {
    const latency = this.latency;
    if (latency === undefined) return 0;
    if (typeof latency === "number") return latency;
    return latency.minMs + Math.floor(this.latencyRandom() * (latency.maxMs - latency.minMs + 1));
  }
}

/** The answer standing in for a failed request; `drop` has none (the socket is destroyed). */
export function faultReply(kind: FaultKind): HttpReply | "drop" {
  switch (kind) {
    case "unavailable":
      return twirpErrorReply(new TwirpError("unavailable", "injected fault: service unavailable"));
    case "resource_exhausted":
      return twirpErrorReply(new TwirpError("resource_exhausted", "injected fault: resource exhausted"));
    case "rate_limited":
      return twirpErrorReply(new TwirpError("resource_exhausted", "injected fault: rate limit exceeded"), 429, { "Retry-After": "1" });
    case "drop":
      return "drop";
  }
}
