import { sameNumber } from "../livekit/numbers";
import { GoError } from "../livekit/twirp";
import { calledPhrase, callersPhrase, OTHER_NUMBER, representativeCallers } from "./callScenarios";
import { summarizeCodecs } from "./codecs";
import { untypeablePin } from "./dtmfPins";
import { livekitNumberWarnings } from "./livekitNumberWarnings";
import { mergeMedia } from "./mediaMerge";
import type { PlanEntry } from "./plan";
import { acceptsEveryCaller, planTrunk } from "./planTrunk";
import { refLabel, ruleLabel, trunkLabel } from "./refs";
import { ruleVariant } from "./ruleVariant";
import { simulateCall } from "./simulate";
import type { RoutingConfig, RoutingRule, RoutingTrunk } from "./types";
import { code, codeList } from "./wording";

/** What a reviewer should know about a configuration beyond its routing table. */


/** Calls LiveKit fails with SIP 503, grouped by number and error. */
function failingCalls(config: RoutingConfig, numbers: readonly string[]): string[] {
  const callers = representativeCallers(config);
  return [...numbers, OTHER_NUMBER].flatMap((calledNumber) => {
    const byError = new Map<string, string[]>();
    for (const callerNumber of callers) {
      const result = simulateCall(config, { calledNumber, callerNumber });
      if (result.error !== undefined) byError.set(result.error.message, [...(byError.get(result.error.message) ?? []), callerNumber]);
    }
    return [...byError].map(
      ([message, failing]) => `Calls to ${calledPhrase(calledNumber)}${callersPhrase(failing, callers)} fail (SIP 503): ${message}`,
    );
  });
}

/** The trunks whose calls can reach the rule. */
function trunksOf(rule: RoutingRule, config: RoutingConfig): RoutingTrunk[] {
  const trunkIds = rule.trunkIds ?? [];
  return trunkIds.length === 0 ? [...config.trunks] : config.trunks.filter((t) => trunkIds.includes(t.sipTrunkId ?? ""));
}

function trunkWarnings(trunk: RoutingTrunk): string[] {
  const gates = planTrunk(trunk);
  const warnings: string[] = [];
  if (gates.ignoredAddresses.length > 0) {
    const effect = gates.addresses.length === 0 ? "; no valid entry is left, so every address is allowed" : "";
    warnings.push(`Trunk ${code(trunkLabel(trunk))}: LiveKit ignores allowed_addresses ${codeList(gates.ignoredAddresses)}${effect}`);
  }
  if (acceptsEveryCaller(trunk) && gates.authUser === undefined) {
    const numbers = gates.anyNumber ? "any number" : "its numbers";
    warnings.push(`Trunk ${code(trunkLabel(trunk))} accepts calls to ${numbers} from any caller and address without authentication`);
  }
  return warnings;
}

/** Rules whose trunk IDs match no trunk given: a typo, or a trunk managed elsewhere. */
function unknownTrunks(rule: RoutingRule, config: RoutingConfig): string[] {
  const knownIds = new Set(config.trunks.map((t) => t.sipTrunkId ?? ""));
  const unknown = (rule.trunkIds ?? []).filter((id) => !knownIds.has(id));
  return unknown.length === 0 ? [] : [`Rule ${code(ruleLabel(rule))} names trunks ${codeList(unknown)}, which are not in this configuration`];
}

/** Trunks match numbers normalised, rules exactly: a rule spelling a number otherwise may never match. */
function spellingMismatches(rule: RoutingRule, config: RoutingConfig): string[] {
  return (rule.numbers ?? []).flatMap((number) =>
    trunksOf(rule, config).flatMap((trunk) => {
      const numbers = trunk.numbers ?? [];
      const spelled = numbers.find((n) => n !== number && sameNumber(n, number));
      if (spelled === undefined || numbers.includes(number)) return [];
      return [
        `Rule ${code(ruleLabel(rule))} lists ${code(number)} but trunk ${code(trunkLabel(trunk))} spells it ${code(spelled)}; ` +
          `rules compare numbers exactly, so the rule only applies when the carrier sends ${code(number)}`,
      ];
    }),
  );
}

function variantProblems(rule: RoutingRule): string[] {
  const variant = ruleVariant(rule.rule);
  const label = code(ruleLabel(rule));
  if (variant instanceof GoError) return [`Rule ${label} has no rule variant; every call that loads it fails`];
  const pinProblem = variant.pin === "" ? undefined : untypeablePin(variant.pin);
  return pinProblem === undefined ? [] : [`Rule ${label}: the pin ${pinProblem}, so callers can never enter it`];
}

/** Codec problems of each trunk and rule pairing that can carry a call. */
function codecWarnings(config: RoutingConfig): string[] {
  return config.rules.flatMap((rule) => {
    const trunks = (rule.trunkIds ?? []).length === 0 ? [undefined, ...config.trunks] : trunksOf(rule, config);
    return trunks.flatMap((trunk) => {
      const via = trunk === undefined ? "without a trunk" : `through trunk ${code(trunkLabel(trunk))}`;
      return summarizeCodecs(mergeMedia(trunk, rule)).problems.map((p) => `Rule ${code(ruleLabel(rule))} ${via}: ${p}`);
    });
  });
}

/** Rules that never win anywhere they apply. */
function unusedRules(entries: readonly PlanEntry[]): string[] {
  const shadowed = new Map<string, string>();
  const used = new Set<string>();
  for (const planRule of entries.flatMap((e) => e.routes.flatMap((r) => r.rules))) {
    const key = JSON.stringify([planRule.id, planRule.name]);
    if (planRule.shadowedBy === undefined) used.add(key);
    else shadowed.set(key, `Rule ${code(refLabel(planRule))} never wins: ${code(refLabel(planRule.shadowedBy))} always comes first`);
  }
  return [...shadowed].filter(([key]) => !used.has(key)).map(([, warning]) => warning);
}

export function planWarnings(config: RoutingConfig, entries: readonly PlanEntry[]): string[] {
  const numbers = entries.flatMap((e) => (e.calledNumber === null ? [] : [e.calledNumber]));
  const all = [
    ...failingCalls(config, numbers),
    ...config.trunks.flatMap(trunkWarnings),
    ...config.rules.flatMap((r) => [...unknownTrunks(r, config), ...spellingMismatches(r, config), ...variantProblems(r)]),
    ...codecWarnings(config),
    ...livekitNumberWarnings(config),
    ...unusedRules(entries),
  ];
  return [...new Set(all)];
}
