import { assignedRuleIds } from "../match/livekitNumbers";
import { ruleLabel, trunkLabel } from "../refs";
import type { RoutingIndex } from "../match/routingIndex";
import type { RoutingPhoneNumber } from "../types";
import { code, codeList } from "../wording";

/** LiveKit numbers whose calls go nowhere, to rules that cannot take them, or past a trunk. */
export function livekitNumberWarnings(index: RoutingIndex): string[] {
  const numbers = index.config.livekitNumbers ?? [];
  return numbers.filter((n) => n.status !== "PHONE_NUMBER_STATUS_RELEASED").flatMap((number) => numberWarnings(index, number));
}

function numberWarnings(index: RoutingIndex, number: RoutingPhoneNumber): string[] {
  const label = `LiveKit number ${code(number.e164Format ?? number.id ?? "")}`;
  const ids = assignedRuleIds(number);
  if (ids.length === 0) return [`${label} has no dispatch rule assigned: calls to it go nowhere`];
  const rules = index.livekitNumbers.assignedRules(number);
  const missing = ids.filter((id) => !rules.some((r) => r.sipDispatchRuleId === id));
  return [
    ...(missing.length === 0 ? [] : [`${label} is assigned ${codeList(missing)}, which this configuration does not have`]),
    ...rules
      .filter((r) => (r.trunkIds ?? []).length > 0)
      .map((r) => `Rule ${code(ruleLabel(r))} is assigned to ${label} but names trunks; no trunk carries calls to the number, so the rule never applies to them`),
    ...index.trunks
      .listing(number.e164Format ?? "")
      .map((t) => `Trunk ${code(trunkLabel(t))} lists ${code(number.e164Format ?? "")}, a LiveKit Phone Number: calls to it never reach the trunk`),
  ];
}
