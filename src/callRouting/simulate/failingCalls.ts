import { landingAt, numberScope } from "./callLanding";
import { calledPhrase, callersPhrase, OTHER_NUMBER, representativeCallers, RepresentativeCallers } from "./callScenarios";
import { addTo } from "../multiMap";
import type { RoutingIndex } from "../match/routingIndex";

/**
 * Calls LiveKit fails with SIP 503, grouped by number and error. Per number, only the callers its
 * trunks and rules name are simulated: every other caller fails as the generic one does.
 */
export function failingCalls(index: RoutingIndex, numbers: readonly string[]): string[] {
  const callers = new RepresentativeCallers(representativeCallers(index.config));
  return [...numbers, OTHER_NUMBER].flatMap((calledNumber) => {
    const byError = new Map<string, string[]>();
    const scoped = callers.scoped(numberScope([index], calledNumber));
    for (const callerNumber of scoped) {
      const landing = landingAt(index, calledNumber, callerNumber);
      if (landing.kind === "error") addTo(byError, landing.error ?? "", callerNumber);
    }
    return [...byError].map(
      ([message, failing]) => `Calls to ${calledPhrase(calledNumber)}${callersPhrase(callers.concerned(failing, scoped), callers.all)} fail (SIP 503): ${message}`,
    );
  });
}
