import { normalizeNumber } from "../../livekit/numbers";
import { landingAt, numberScope, type NumberScope } from "../simulate/callLanding";
import { bothRevisions, calledNumbers, calledPhrase, callersPhrase, OTHER_NUMBER, representativeCallers, RepresentativeCallers } from "../simulate/callScenarios";
import { NO_PROMPT, nowPhrase, sameLanding, wasPhrase, type Landing } from "../simulate/landing";
import { addTo } from "../multiMap";
import { newlyListedNumbers } from "./numberChanges";
import { ruleLabel } from "../refs";
import { change, type RoutingChange } from "./routingChange";
import { indexRouting, type RoutingIndex } from "../match/routingIndex";
import type { RoutingConfig, RoutingRule } from "../types";
import { codeList } from "../wording";

/**
 * Where calls land before and after, found by simulating representative calls: each called number
 * of either revision, from each representative caller, straight after dialling and, when a pin
 * prompt happens, after `#` alone and after each pin either revision knows. Per number, only the
 * callers and pins its trunks and rules name are simulated (see `numberScope`): every other caller
 * lands as the generic one does, and every other pin is refused in both revisions.
 */

/** One step of a call. Rooms reached on an `open` step need no pin. */
interface CallStep {
  readonly pin: string;
  readonly noPin: boolean;
  /** How the step reads after "Calls to X". */
  readonly phrase: string;
  readonly open: boolean;
}

const DIAL: CallStep = { pin: "", noPin: false, phrase: "", open: true };
const HASH_ALONE: CallStep = { pin: "", noPin: true, phrase: " that answer the pin prompt with `#` alone", open: true };

/**
 * The pins a number's rules ask for, named after those rules and ordered by that name, so reports
 * reveal nothing about the digits; a pin only one revision has is "new" or "former".
 */
function pinSteps(scope: NumberScope): CallStep[] {
  const [wasOwners, nowOwners] = scope.pinOwners;
  const labels = (rules: readonly RoutingRule[] | undefined) => [...new Set((rules ?? []).map(ruleLabel))];
  const pins = [...new Set([...wasOwners.keys(), ...nowOwners.keys()])].sort();
  const steps = pins.map((pin) => {
    const [was, now] = [labels(wasOwners.get(pin)), labels(nowOwners.get(pin))];
    const age = was.length === 0 ? "new " : now.length === 0 ? "former " : "";
    return { pin, noPin: false, phrase: ` entering the ${age}pin of ${codeList(now.length > 0 ? now : was)}`, open: false };
  });
  return steps.sort((a, b) => (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
}

/** The landing of every step in one revision; steps after the prompt exist only if it prompts. */
function landings(index: RoutingIndex, calledNumber: string, callerNumber: string, steps: readonly CallStep[]): Landing[] {
  const dial = landingAt(index, calledNumber, callerNumber);
  return steps.map((step) => {
    if (step === DIAL) return dial;
    if (dial.kind !== "pin") return NO_PROMPT;
    return landingAt(index, calledNumber, callerNumber, step);
  });
}

/** What a step's landing is judged against. */
interface RiskContext {
  /** Rooms the caller reached without a pin before. */
  readonly openBefore: ReadonlySet<string | undefined>;
  /** The number is newly listed by a trunk: calls starting to land is what adding it means. */
  readonly newlyListed: boolean;
}

/**
 * Risky: calls break (an error, or dropped or rejected where they reached a room or a pin prompt),
 * a room becomes reachable without a pin that was not, or a pin opens another room.
 */
function isRisky(step: CallStep, before: Landing, after: Landing, context: RiskContext): boolean {
  if (after.kind === "error") return true;
  if (after.kind === "dropped" || after.kind === "rejected") return before.kind === "room" || before.kind === "pin";
  if (after.kind !== "room") return false;
  if (step.open) return !context.openBefore.has(after.destination) && !(context.newlyListed && before.kind === "dropped");
  return before.kind === "room" && before.destination !== after.destination;
}

interface StepChange {
  readonly step: number;
  readonly before: Landing;
  readonly after: Landing;
  risky: boolean;
  readonly callers: string[];
}

/** Changes for one called number, callers with the same before and after grouped together. */
function numberCallChanges(
  indexes: readonly [RoutingIndex, RoutingIndex],
  calledNumber: string,
  callers: readonly string[],
  steps: readonly CallStep[],
  newlyListed: boolean,
): StepChange[] {
  const groups = new Map<string, StepChange>();
  for (const callerNumber of callers) {
    const was = landings(indexes[0], calledNumber, callerNumber, steps);
    const now = landings(indexes[1], calledNumber, callerNumber, steps);
    const context = { openBefore: new Set(was.filter((l, i) => steps[i].open && l.kind === "room").map((l) => l.destination)), newlyListed };
    steps.forEach((step, i) => {
      // Once the new revision stops prompting, the dial step already tells the story.
      if (sameLanding(was[i], now[i]) || now[i].kind === "no-prompt") return;
      const key = JSON.stringify([i, was[i], now[i]]);
      const group = groups.get(key) ?? { step: i, before: was[i], after: now[i], risky: false, callers: [] };
      group.risky ||= isRisky(step, was[i], now[i], context);
      group.callers.push(callerNumber);
      groups.set(key, group);
    });
  }
  return [...groups.values()].sort((a, b) => a.step - b.step);
}

export function callChanges(before: RoutingConfig, after: RoutingConfig): RoutingChange[] {
  const both = bothRevisions(before, after);
  const callers = new RepresentativeCallers(representativeCallers(both));
  const indexes = [indexRouting(before), indexRouting(after)] as const;
  const added = newlyListedNumbers(before, after);
  return [...calledNumbers(both), OTHER_NUMBER].flatMap((calledNumber) => {
    const scope = numberScope(indexes, calledNumber);
    const steps = [DIAL, HASH_ALONE, ...pinSteps(scope)];
    const scoped = callers.scoped(scope);
    return numberCallChanges(indexes, calledNumber, scoped, steps, added.has(normalizeNumber(calledNumber))).map((g) => {
      const dial = steps[g.step] === DIAL;
      const subject = `Calls to ${calledPhrase(calledNumber)}${callersPhrase(callers.concerned(g.callers, scoped), callers.all)}${steps[g.step].phrase}`;
      return change("call-route", g.risky, `${subject} ${nowPhrase(g.after, dial)} (was: ${wasPhrase(g.before, dial)})`);
    });
  });
}
