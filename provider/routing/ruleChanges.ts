import { mediaChanges } from "./mediaChanges";
import type { ObjectPair } from "./pairObjects";
import { ruleLabel } from "./refs";
import { describeDestination, summarizeRule } from "./ruleSummary";
import { rulePin } from "./ruleVariant";
import { change, type RoutingChange } from "./routingChange";
import type { RoutingRule } from "./types";
import { code } from "./wording";

/** What changed in one dispatch rule. Pins are compared, never shown. */

function pinChanges(subject: string, before: RoutingRule, after: RoutingRule): RoutingChange[] {
  const [b, a] = [rulePin(before.rule), rulePin(after.rule)];
  const destination = describeDestination(summarizeRule(after));
  if (b !== "" && a === "") return [change("pin-removed", true, `${subject} no longer requires a pin for ${destination}`)];
  if (b === "" && a !== "") return [change("pin-added", false, `${subject} now requires a pin for ${destination}`)];
  if (b !== a) return [change("pin-changed", false, `${subject} has a new pin; callers using the old one are rejected`)];
  return [];
}

export function ruleChanges({ before, after }: ObjectPair<RoutingRule>): RoutingChange[] {
  const subjectOf = (rule: RoutingRule) => `Rule ${code(ruleLabel(rule))}`;
  if (after === undefined) return before === undefined ? [] : [change("rule-removed", false, `${subjectOf(before)} removed`)];
  if (before === undefined) {
    const summary = summarizeRule(after);
    const pin = summary.pinRequired ? " behind a pin" : "";
    return [change("rule-added", false, `${subjectOf(after)} added: sends calls to ${describeDestination(summary)}${pin}`)];
  }
  return [...pinChanges(subjectOf(after), before, after), ...mediaChanges(subjectOf(after), before, after, true)];
}
