import { calledPhrase, callersPhrase, OTHER_NUMBER, representativeCallers } from "./callScenarios";
import { evaluateDispatchRule } from "./evaluate";
import { addTo } from "./multiMap";
import type { RoutingIndex } from "./routingIndex";
import { PLACEHOLDER } from "./ruleSummary";
import { matchTrunk } from "./trunkMatch";

/**
 * Calls LiveKit fails with SIP 503. The error `simulateCall` would report for the call, from the
 * index: the simulator also explains every trunk and rule it passed over, which for every number
 * and caller of a plan reads the whole estate each time. The steps are the simulator's own.
 */
function callError(index: RoutingIndex, calledNumber: string, callerNumber: string): string | undefined {
  const call = { calledNumber, callerNumber, callerHost: "", sourceIp: "" };
  const livekitNumber = index.livekitNumbers.numberFor(calledNumber);
  // A LiveKit number takes the place of a trunk and limits the rules to those assigned to it.
  const trunkMatch = livekitNumber === undefined ? matchTrunk(index.trunks.offeredTo(calledNumber), call) : undefined;
  if (trunkMatch?.error !== undefined) return trunkMatch.error.message;
  const rules = livekitNumber === undefined ? index.rules : index.livekitNumbers.ruleIndexFor(livekitNumber);
  const candidates = rules.candidates(trunkMatch?.trunk, calledNumber);
  if (candidates.error !== undefined) return candidates.error.message;
  const rule = candidates.winner(callerNumber);
  if (rule === undefined) return undefined;
  const evaluation = evaluateDispatchRule(trunkMatch?.trunk, rule, { ...call, pin: "", callId: "<call-id>", randomSuffix: PLACEHOLDER.random });
  return evaluation instanceof Error ? evaluation.message : undefined;
}

/** Calls LiveKit fails with SIP 503, grouped by number and error. */
export function failingCalls(index: RoutingIndex, numbers: readonly string[]): string[] {
  const callers = representativeCallers(index.config);
  return [...numbers, OTHER_NUMBER].flatMap((calledNumber) => {
    const byError = new Map<string, string[]>();
    for (const callerNumber of callers) {
      const error = callError(index, calledNumber, callerNumber);
      if (error !== undefined) addTo(byError, error, callerNumber);
    }
    return [...byError].map(
      ([message, failing]) => `Calls to ${calledPhrase(calledNumber)}${callersPhrase(failing, callers)} fail (SIP 503): ${message}`,
    );
  });
}
