import { bothRevisions, calledNumbers, calledPhrase, callersPhrase, knownPins, OTHER_NUMBER, representativeCallers } from "./callScenarios";
import { normalizeNumber } from "../livekit/numbers";
import { landingOf, NO_PROMPT, nowPhrase, sameLanding, wasPhrase, type Landing } from "./landing";
import { newlyListedNumbers } from "./numberChanges";
import { ruleLabel } from "./refs";
import { change, type RoutingChange } from "./routingChange";
import { rulePin } from "./ruleVariant";
import { simulateCall } from "./simulate";
import type { RoutingConfig } from "./types";
import { codeList } from "./wording";

/**
 * Where calls land before and after, found by simulating representative calls: each called number
 * of either revision, from each representative caller, straight after dialling and, when a pin
 * prompt happens, after `#` alone and after each pin either revision knows.
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

const pinOwners = (config: RoutingConfig, pin: string) => [...new Set(config.rules.filter((r) => rulePin(r.rule) === pin).map(ruleLabel))];

/**
 * Pins are named after the rules that own them and ordered by that name, so reports reveal
 * nothing about the digits; a pin only one revision has is "new" or "former".
 */
function pinSteps(before: RoutingConfig, after: RoutingConfig): CallStep[] {
  const steps = knownPins(bothRevisions(before, after)).map((pin) => {
    const [was, now] = [pinOwners(before, pin), pinOwners(after, pin)];
    const age = was.length === 0 ? "new " : now.length === 0 ? "former " : "";
    return { pin, noPin: false, phrase: ` entering the ${age}pin of ${codeList(now.length > 0 ? now : was)}`, open: false };
  });
  return steps.sort((a, b) => (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
}

/** The landing of every step in one revision; steps after the prompt exist only if it prompts. */
function landings(config: RoutingConfig, calledNumber: string, callerNumber: string, steps: readonly CallStep[]): Landing[] {
  const dial = landingOf(simulateCall(config, { calledNumber, callerNumber }));
  return steps.map((step) => {
    if (step === DIAL) return dial;
    if (dial.kind !== "pin") return NO_PROMPT;
    return landingOf(simulateCall(config, { calledNumber, callerNumber, pin: step.pin, noPin: step.noPin }));
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
  before: RoutingConfig,
  after: RoutingConfig,
  calledNumber: string,
  callers: readonly string[],
  steps: readonly CallStep[],
  newlyListed: boolean,
): StepChange[] {
  const groups = new Map<string, StepChange>();
  for (const callerNumber of callers) {
    const was = landings(before, calledNumber, callerNumber, steps);
    const now = landings(after, calledNumber, callerNumber, steps);
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
  const callers = representativeCallers(both);
  const steps = [DIAL, HASH_ALONE, ...pinSteps(before, after)];
  const added = newlyListedNumbers(before, after);
  return [...calledNumbers(both), OTHER_NUMBER].flatMap((calledNumber) =>
    numberCallChanges(before, after, calledNumber, callers, steps, added.has(normalizeNumber(calledNumber))).map((g) => {
      const dial = steps[g.step] === DIAL;
      const subject = `Calls to ${calledPhrase(calledNumber)}${callersPhrase(g.callers, callers)}${steps[g.step].phrase}`;
      return change("call-route", g.risky, `${subject} ${nowPhrase(g.after, dial)} (was: ${wasPhrase(g.before, dial)})`);
    }),
  );
}
