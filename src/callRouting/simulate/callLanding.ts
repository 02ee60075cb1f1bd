import { normalizeNumber } from "../../livekit/numbers";
import { MAX_PIN_DIGITS } from "../match/dtmfPins";
import { evaluateDispatchRule } from "../match/evaluate";
import type { Landing } from "./landing";
import { addTo } from "../multiMap";
import type { IndexedRule } from "../match/routeCandidates";
import type { RoutingIndex } from "../match/routingIndex";
import type { RuleIndex } from "../match/ruleIndex";
import { describeDestination, PLACEHOLDER, summarizeRule } from "../match/ruleSummary";
import { matchTrunk } from "../match/trunkMatch";
import type { RoutingRule, RoutingTrunk } from "../types";

/**
 * Where one call lands, from an indexed configuration: what `landingOf(simulateCall(…))` gives,
 * in the simulator's own steps, reading only the trunks offered the number and the rules that can
 * take it. The simulator also explains every trunk and rule it passed over, which for every
 * number, caller and pin of a large diff read the whole estate each time.
 */

/** What the caller does at the pin prompt: enters `pin`, or presses `#` alone (`noPin`). */
export interface PinEntry {
  readonly pin: string;
  readonly noPin: boolean;
}

/** The trunk (or LiveKit number) a call to the number from the caller reaches, and the rules it chooses among. */
function routeOf(index: RoutingIndex, calledNumber: string, callerNumber: string): { trunk?: RoutingTrunk; rules: RuleIndex } | { error: string } {
  const livekitNumber = index.livekitNumbers.numberFor(calledNumber);
  if (livekitNumber !== undefined) return { rules: index.livekitNumbers.ruleIndexFor(livekitNumber) };
  const match = matchTrunk(index.trunks.offeredTo(calledNumber), { calledNumber, callerNumber, callerHost: "", sourceIp: "" });
  if (match.error !== undefined) return { error: match.error.message };
  return { trunk: match.trunk, rules: index.rules };
}

export function landingAt(index: RoutingIndex, calledNumber: string, callerNumber: string, entry?: PinEntry): Landing {
  const route = routeOf(index, calledNumber, callerNumber);
  if ("error" in route) return { kind: "error", error: route.error };
  if (entry !== undefined && entry.pin.length > MAX_PIN_DIGITS) return { kind: "rejected" };
  const candidates = route.rules.candidates(route.trunk, calledNumber);
  if (candidates.error !== undefined) return { kind: "error", error: candidates.error.message };
  // Open rules are the ones `#` alone reaches: their pin is "".
  const rule = candidates.winner(callerNumber, entry === undefined ? undefined : entry.noPin ? "" : entry.pin);
  if (rule === undefined) return { kind: entry === undefined ? "dropped" : "rejected" };
  const call = { calledNumber, callerNumber, callerHost: "", pin: entry?.pin ?? "", callId: "<call-id>", randomSuffix: PLACEHOLDER.random };
  const evaluation = evaluateDispatchRule(route.trunk, rule, call);
  if (evaluation instanceof Error) return { kind: "error", error: evaluation.message };
  return { kind: evaluation.result === "request-pin" ? "pin" : "room", destination: describeDestination(summarizeRule(rule, calledNumber)) };
}

/**
 * What can tell callers and pins apart on calls to one number: the callers that trunks offered the
 * number or rules that can take it name (any other caller is routed as the generic one), and the
 * pins of those rules (any other pin is refused wherever a prompt happens). Reports then simulate
 * those callers and pins only, and stay linear in the estate.
 */
export interface NumberScope {
  /** Normalised; a superset, as trunks compare callers normalised and rules exactly. */
  readonly callers: ReadonlySet<string>;
  /** Per configuration given: each pin those rules ask for, with the rules asking, in configuration order. */
  readonly pinOwners: readonly ReadonlyMap<string, readonly RoutingRule[]>[];
}

export function numberScope(indexes: readonly RoutingIndex[], calledNumber: string): NumberScope {
  const callers = new Set<string>();
  const pinOwners = indexes.map((index) => {
    const owners = new Map<string, IndexedRule[]>();
    const livekitNumber = index.livekitNumbers.numberFor(calledNumber);
    const trunks: (RoutingTrunk | undefined)[] = livekitNumber === undefined ? [...index.trunks.offeredTo(calledNumber), undefined] : [undefined];
    const rules = livekitNumber === undefined ? index.rules : index.livekitNumbers.ruleIndexFor(livekitNumber);
    for (const trunk of trunks) {
      for (const caller of trunk?.allowedNumbers ?? []) callers.add(normalizeNumber(caller));
      for (const ranked of rules.candidates(trunk, calledNumber).ranked) {
        for (const caller of ranked.rule.inboundNumbers ?? []) callers.add(normalizeNumber(caller));
        if (ranked.pin !== "" && !owners.get(ranked.pin)?.includes(ranked)) addTo(owners, ranked.pin, ranked);
      }
    }
    return new Map([...owners].map(([pin, owning]) => [pin, owning.sort((a, b) => a.index - b.index).map((r) => r.rule)]));
  });
  return { callers, pinOwners };
}
