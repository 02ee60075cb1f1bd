import type { LiveKitError } from "../../livekit/twirp";
import type { RankKey } from "./rulePriority";
import type { RoutingRule } from "../types";

/** A rule with what routing reads of it, derived once per configuration. */
export interface IndexedRule extends RankKey {
  readonly rule: RoutingRule;
  /** `""` for open rules and rules without a variant. */
  readonly pin: string;
}

/** The first rule, by rank position, an open caller or each listed caller reaches. */
interface Firsts {
  open?: number;
  readonly byCaller: Map<string, number>;
}

function note(firsts: Firsts, rule: IndexedRule, position: number): void {
  const callers = rule.rule.inboundNumbers ?? [];
  if (callers.length === 0) firsts.open ??= position;
  for (const caller of callers) if (!firsts.byCaller.has(caller)) firsts.byCaller.set(caller, position);
}

/**
 * The rules a call to one number through one trunk (or none) can reach, in LiveKit's order,
 * and LiveKit's error for the rules it loads for that trunk. Shared by the plan's rule table,
 * its shadowing marks and its failing-call warnings, so each number is worked out once.
 *
 * Winners are looked up rather than searched: per pin, the first open rule and the first rule
 * listing each caller, so asking for every rule and caller stays linear in the rules.
 */
export class RouteCandidates {
  private readonly anyPin: Firsts = { byCaller: new Map() };
  private readonly byPin = new Map<string, Firsts>();

  constructor(
    /** Rules passing the trunk and called-number filters, best first. */
    readonly ranked: readonly IndexedRule[],
    /** A conflict or a rule without a variant among the loaded rules: every call fails. */
    readonly error: LiveKitError | undefined,
  ) {
    // With an error no rule ever wins, and without one every loaded rule has a variant, so
    // the pin filter below is exact (rules without a variant would pass any pin).
    if (error !== undefined) return;
    ranked.forEach((rule, position) => {
      note(this.anyPin, rule, position);
      const firsts = this.byPin.get(rule.pin) ?? { byCaller: new Map() };
      this.byPin.set(rule.pin, firsts);
      note(firsts, rule, position);
    });
  }

  /**
   * The rule LiveKit picks for a caller: before any pin prompt (`pin` undefined), or once the
   * caller entered `pin` (`""`: `#` alone, which only open rules take). Undefined on an error.
   */
  winner(callerNumber: string, pin?: string): RoutingRule | undefined {
    const firsts = pin === undefined ? this.anyPin : this.byPin.get(pin);
    if (this.error !== undefined || firsts === undefined) return undefined;
    const positions = [firsts.open, firsts.byCaller.get(callerNumber)].filter((p) => p !== undefined);
    return positions.length === 0 ? undefined : this.ranked[Math.min(...positions)].rule;
  }
}
