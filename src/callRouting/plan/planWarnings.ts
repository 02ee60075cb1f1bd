import { sameNumber } from "../../livekit/numbers";
import { GoError } from "../../livekit/twirp";
import { summarizeCodecs } from "../match/codecs";
import { untypeablePin } from "../match/dtmfPins";
import { failingCalls } from "../simulate/failingCalls";
import { livekitNumberWarnings } from "./livekitNumberWarnings";
import { mergeMedia } from "../match/mediaMerge";
import type { PlanEntry } from "./planTypes";
import { acceptsEveryCaller, planTrunk } from "./planTrunk";
import { refLabel, ruleLabel, trunkLabel } from "../refs";
import type { RoutingIndex } from "../match/routingIndex";
import { namesTrunk } from "../match/ruleIndex";
import { ruleVariant } from "../match/ruleVariant";
import type { RoutingRule, RoutingTrunk } from "../types";
import { code, codeList } from "../wording";

/** The trunks whose calls can reach the rule. */
function trunksOf(rule: RoutingRule, index: RoutingIndex): RoutingTrunk[] {
  const trunkIds = rule.trunkIds ?? [];
  return trunkIds.length === 0 ? [...index.config.trunks] : index.trunks.named(trunkIds);
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
function unknownTrunks(rule: RoutingRule, index: RoutingIndex): string[] {
  const unknown = (rule.trunkIds ?? []).filter((id) => !index.trunks.ids.has(id));
  return unknown.length === 0 ? [] : [`Rule ${code(ruleLabel(rule))} names trunks ${codeList(unknown)}, which are not in this configuration`];
}

/** Trunks match numbers normalised, rules exactly: a rule spelling a number otherwise may never match. */
function spellingMismatches(rule: RoutingRule, index: RoutingIndex): string[] {
  return (rule.numbers ?? []).flatMap((number) =>
    // Only trunks listing the number in some spelling can spell it otherwise.
    index.trunks.listing(number).filter((trunk) => namesTrunk(rule, trunk)).flatMap((trunk) => {
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
function codecWarnings(index: RoutingIndex): string[] {
  return index.config.rules.flatMap((rule) => {
    const trunks = (rule.trunkIds ?? []).length === 0 ? [undefined, ...index.config.trunks] : trunksOf(rule, index);
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

/** Listed numbers none of whose calls reach a rule: every caller is dropped. */
function droppedNumbers(entries: readonly PlanEntry[]): string[] {
  return entries.flatMap((entry) => {
    if (entry.calledNumber === null || entry.routes.some((route) => route.rules.length > 0)) return [];
    const why = entry.routes.every((route) => route.kind === "no-trunk") ? "no trunk answers it and no LiveKit number is it" : "no dispatch rule applies to it";
    return [`Calls to ${code(entry.calledNumber)} are all dropped: ${why}`];
  });
}

/** What a reviewer should know about a configuration beyond its routing table. */
export function planWarnings(index: RoutingIndex, entries: readonly PlanEntry[]): string[] {
  const { config } = index;
  const numbers = entries.flatMap((e) => (e.calledNumber === null ? [] : [e.calledNumber]));
  const all = [
    ...droppedNumbers(entries),
    ...failingCalls(index, numbers),
    ...config.trunks.flatMap(trunkWarnings),
    ...config.rules.flatMap((r) => [...unknownTrunks(r, index), ...spellingMismatches(r, index), ...variantProblems(r)]),
    ...codecWarnings(index),
    ...livekitNumberWarnings(index),
    ...unusedRules(entries),
  ];
  return [...new Set(all)];
}
