import { normalizeNumber } from "../../livekit/numbers";
import type { NumberScope } from "./callLanding";
import { addTo } from "../multiMap";
import type { RoutingConfig } from "../types";
import { code } from "../wording";

/**
 * The calls the plan and the diff simulate to describe a configuration: each called number any
 * trunk, rule, LiveKit number or extra list mentions, from a generic caller and from every caller number a
 * filter mentions, before and after each pin the rules know.
 */

/** A caller no allow-list or rule filter names (it is not even number-like). */
export const GENERIC_CALLER = "<caller>";
/** A called number nothing lists: only wildcard trunks and rules without numbers see it. */
export const OTHER_NUMBER = "<other number>";

const byNormalizedThenRaw = (a: string, b: string) => {
  const na = normalizeNumber(a);
  const nb = normalizeNumber(b);
  if (na !== nb) return na < nb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
};

/**
 * Every spelling of a called number, sorted by normalised form. Spellings stay apart because
 * rules compare numbers exactly, so `+1415…` and `1415…` can route differently.
 */
export function calledNumbers(config: RoutingConfig, extra: readonly string[] = []): string[] {
  const all = [
    ...config.trunks.flatMap((t) => t.numbers ?? []),
    ...config.rules.flatMap((r) => r.numbers ?? []),
    ...(config.livekitNumbers ?? []).map((n) => n.e164Format ?? ""),
    ...extra,
  ];
  return [...new Set(all)].filter((n) => n !== "").sort(byNormalizedThenRaw);
}

/** The generic caller first, then each caller number named by a trunk or a rule. */
export function representativeCallers(config: RoutingConfig): string[] {
  const named = [...config.trunks.flatMap((t) => t.allowedNumbers ?? []), ...config.rules.flatMap((r) => r.inboundNumbers ?? [])];
  return [GENERIC_CALLER, ...[...new Set(named)].filter((n) => n !== "").sort(byNormalizedThenRaw)];
}

/**
 * The representative callers, for reports that simulate per number only the callers its scope
 * names (the generic caller stands for every other one) yet list callers as if all were simulated.
 */
export class RepresentativeCallers {
  private readonly positions = new Map<string, number>();
  private readonly byNumber = new Map<string, string[]>();

  constructor(readonly all: readonly string[]) {
    all.forEach((caller, position) => {
      this.positions.set(caller, position);
      addTo(this.byNumber, normalizeNumber(caller), caller);
    });
  }

  /** The generic caller, then those the scope names, in representative order. */
  scoped(scope: NumberScope): string[] {
    const named = [...scope.callers].flatMap((number) => this.byNumber.get(number) ?? []).filter((c) => c !== GENERIC_CALLER);
    return [GENERIC_CALLER, ...named.sort((a, b) => this.positions.get(a)! - this.positions.get(b)!)];
  }

  /** Simulated callers sharing an outcome, with every unsimulated caller when the generic one is among them. */
  concerned(callers: readonly string[], scoped: readonly string[]): readonly string[] {
    if (!callers.includes(GENERIC_CALLER)) return callers;
    const simulated = new Set(scoped);
    const sharing = new Set(callers);
    return this.all.filter((c) => sharing.has(c) || !simulated.has(c));
  }
}

/** Both revisions as one configuration, to enumerate the numbers, callers and pins of either. */
export const bothRevisions = (before: RoutingConfig, after: RoutingConfig): RoutingConfig => ({
  trunks: [...before.trunks, ...after.trunks],
  rules: [...before.rules, ...after.rules],
  livekitNumbers: [...(before.livekitNumbers ?? []), ...(after.livekitNumbers ?? [])],
});

/** `` `+1415…` `` or "other numbers", for sentences. */
export const calledPhrase = (calledNumber: string): string => (calledNumber === OTHER_NUMBER ? "other numbers" : code(calledNumber));

/** `""` when every representative caller is concerned, else ` from \`+1…\`, other callers`. */
export function callersPhrase(concerned: readonly string[], all: readonly string[]): string {
  if (concerned.length === all.length) return "";
  return ` from ${concerned.map((c) => (c === GENERIC_CALLER ? "other callers" : code(c))).join(", ")}`;
}
