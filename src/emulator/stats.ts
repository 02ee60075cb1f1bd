import type { FaultKind } from "./options";

/** Request counters, e.g. to measure how many API calls one provider operation costs. */
export interface EmulatorStats {
  /** Every request received, whatever its path or outcome. */
  readonly total: number;
  /** Requests per Twirp method name (`CreateSIPInboundTrunk`, …), including failed ones. */
  readonly byMethod: Readonly<Record<string, number>>;
  /** Requests outside the served Twirp services (health checks, unknown paths). */
  readonly other: number;
  /** Injected failures per kind. */
  readonly faults: Readonly<Partial<Record<FaultKind, number>>>;
}

export class StatsCounter {
  private total = 0;
  private other = 0;
  private byMethod: Record<string, number> = {};
  private faults: Partial<Record<FaultKind, number>> = {};

  request(method: string | undefined): void {
    this.total++;
    if (method === undefined) this.other++;
    else this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;
  }

  fault(kind: FaultKind): void {
    this.faults[kind] = (this.faults[kind] ?? 0) + 1;
  }

  snapshot(): EmulatorStats {
    return { total: this.total, other: this.other, byMethod: { ...this.byMethod }, faults: { ...this.faults } };
  }

  reset(): void {
    this.total = 0;
    this.other = 0;
    this.byMethod = {};
    this.faults = {};
  }
}
