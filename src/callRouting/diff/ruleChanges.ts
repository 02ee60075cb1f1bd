import { mediaChanges } from "./mediaChanges";
import type { ObjectPair } from "./pairObjects";
import { ruleLabel } from "../refs";
import { describeDestination, summarizeRule } from "../match/ruleSummary";
import { rulePin } from "../match/ruleVariant";
import { change, type RoutingChange } from "./routingChange";
import type { RoutingRule } from "../types";
import { listChange } from "./listChanges";
import { code, codeList } from "../wording";

/** What changed in one dispatch rule. Pins are compared, never shown. */

function pinChanges(subject: string, before: RoutingRule, after: RoutingRule): RoutingChange[] {
  const [b, a] = [rulePin(before.rule), rulePin(after.rule)];
  const destination = describeDestination(summarizeRule(after));
  if (b !== "" && a === "") return [change("pin-removed", true, `${subject} no longer requires a pin for ${destination}`)];
  // Callers who dialled straight in, or used the old pin, are turned away until they learn the new one.
  if (b === "" && a !== "") return [change("pin-added", true, `${subject} now requires a pin for ${destination}`)];
  if (b !== a) return [change("pin-changed", true, `${subject} has a new pin; callers using the old one are rejected`)];
  return [];
}

/** The agents dispatched into the rule's rooms: who answers the call. */
function agentChanges(subject: string, before: RoutingRule, after: RoutingRule): RoutingChange[] {
  const [b, a] = [summarizeRule(before).agents, summarizeRule(after).agents];
  const { added, removed } = listChange(b, a);
  if (added.length === 0 && removed.length === 0) return [];
  if (a.length === 0) return [change("agent-removed", true, `${subject} no longer dispatches ${codeList(b)}: callers reach an empty room`)];
  if (b.length === 0) return [change("agent-added", false, `${subject} now dispatches ${codeList(a)}`)];
  return [change("agent-changed", true, `${subject} dispatches ${codeList(a)} (was: ${codeList(b)})`)];
}

export function ruleChanges({ before, after }: ObjectPair<RoutingRule>): RoutingChange[] {
  const subjectOf = (rule: RoutingRule) => `Rule ${code(ruleLabel(rule))}`;
  if (after === undefined) return before === undefined ? [] : [change("rule-removed", true, `${subjectOf(before)} removed`)];
  if (before === undefined) {
    const summary = summarizeRule(after);
    const pin = summary.pinRequired ? " behind a pin" : "";
    return [change("rule-added", false, `${subjectOf(after)} added: sends calls to ${describeDestination(summary)}${pin}`)];
  }
  return [...pinChanges(subjectOf(after), before, after), ...agentChanges(subjectOf(after), before, after), ...mediaChanges(subjectOf(after), before, after, true)];
}
