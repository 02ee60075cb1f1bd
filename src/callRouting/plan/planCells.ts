import { DEFAULT_SIP_CODECS } from "../match/codecs";
import type { PlanEntry, PlanRoute } from "./plan";
import type { PlanRule } from "./planRules";
import type { PlanTrunk } from "./planTrunk";
import { refLabel } from "../refs";
import { anyOr, code } from "../wording";

/** The words and table cells of a routing plan, shared by the markdown and text renderers. */

export const PLAN_TITLE = "Inbound routing plan";
export const PLAN_HEADERS = ["#", "Rule", "Applies to", "Callers", "Pin", "Room", "Agents", "Krisp", "Codecs", "Encryption"] as const;
export const PLAN_LEGEND =
  "Rules are listed in the order LiveKit prefers them. A caller gets the first rule whose filters match; if that rule has a pin, " +
  "the caller is asked for one, the entered pin selects the rule it belongs to, and `#` alone selects the first open rule. " +
  `\`defaults\` codecs are ${DEFAULT_SIP_CODECS.join(", ")}.`;
export const NO_RULES = "No dispatch rule applies: calls are dropped.";
export const NO_WARNINGS = "No warnings.";

export const entryHeading = (entry: PlanEntry): string =>
  entry.calledNumber === null ? "Calls to any other number" : `Calls to ${code(entry.calledNumber)}`;

function trunkName(trunk: PlanTrunk): string {
  const label = code(refLabel(trunk));
  return trunk.name !== "" && trunk.id !== "" ? `${label} (${code(trunk.id)})` : label;
}

function trunkGates(trunk: PlanTrunk): string {
  const auth = trunk.authUser === undefined ? "none" : `digest (user ${code(trunk.authUser)})`;
  return `callers: ${anyOr(trunk.callers)}; addresses: ${anyOr(trunk.addresses)}; auth: ${auth}`;
}

const NO_TRUNK_NOTE =
  'OSS LiveKit still accepts these calls and applies only rules without trunk_ids; LiveKit Cloud may reject them with 404 "No trunk found"';

export function routeHeading(route: PlanRoute, entry: PlanEntry): string {
  if (route.phoneNumber !== undefined) {
    return `LiveKit Phone Number${route.phoneNumber.id ? ` ${code(route.phoneNumber.id)}` : ""}: no trunk; calls go straight to the dispatch rules assigned to it.`;
  }
  if (route.trunk === undefined) {
    const who = entry.routes.length > 1 ? " (callers no trunk above accepts)" : "";
    return `No trunk${who}: ${NO_TRUNK_NOTE}.`;
  }
  const kind = route.kind === "trunk" ? "Trunk" : "Wildcard trunk";
  const who = route.fallback ? " (callers the trunks above filter out)" : "";
  return `${kind} ${trunkName(route.trunk)}${who}: ${trunkGates(route.trunk)}`;
}

function ruleName(rule: PlanRule): string {
  const label = code(refLabel(rule));
  return rule.shadowedBy === undefined ? label : `${label} (never wins: ${code(refLabel(rule.shadowedBy))} comes first)`;
}

const onOff = (value: boolean) => (value ? "on" : "off");

export function planRuleRow(rule: PlanRule, index: number): string[] {
  const room = rule.kind === "invalid" ? "invalid rule" : code(rule.roomPattern) + (rule.hidesCallerNumber ? " (number hidden)" : "");
  return [
    String(index + 1),
    ruleName(rule),
    rule.scope === "trunk" ? "this trunk" : "any trunk",
    anyOr(rule.callers),
    rule.pinRequired ? "required" : "none",
    room,
    rule.agents.length === 0 ? "none" : rule.agents.map(code).join(", "),
    onOff(rule.krisp),
    rule.codecs,
    rule.encryption,
  ];
}
