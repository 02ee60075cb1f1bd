import { summarizeCodecs } from "../match/codecs";
import { describeSimulation } from "../simulate/describeSimulation";
import { renderMarkdown, renderText, type Block } from "./document";
import { refLabel, type ObjectRef } from "../refs";
import type { RuleDropReason } from "../match/ruleMatch";
import type { SimulationResult, TrunkVerdictView } from "../simulate/simulate";
import { code } from "../wording";

/** A simulated call for a reader: what happened, then each step with the reason LiveKit gives. */

const TITLE = "Simulated call";

const TRUNK_VERDICTS: Record<TrunkVerdictView["status"], string> = {
  selected: "lists the called number; caller and source allowed",
  default: "wildcard (no numbers); caller and source allowed",
  conflict: "also lists the called number: conflict",
  skipped: "skipped",
};

const TRUNK_SKIPS: Record<NonNullable<TrunkVerdictView["reason"]>, string> = {
  calledNumberNotListed: "skipped: does not list the called number",
  callerNotAllowed: "skipped: caller not in its allowed numbers",
  sourceNotAllowed: "skipped: source not in its allowed addresses",
};

const RULE_DROPS: Record<RuleDropReason, string> = {
  otherTrunk: "names other trunks",
  noTrunk: "names trunks, and no trunk took the call",
  callerNotListed: "caller not in its inbound numbers",
  calledNotListed: "called number not in its numbers",
  pinRequired: "has a pin; the caller pressed # alone",
  openAfterPin: "has no pin; the caller entered one",
  wrongPin: "has another pin",
  outranked: "outranked",
  trunkRuleWins: "a rule naming the trunk wins first",
};

const MATCH_TYPES = {
  specific: "a trunk listing the number",
  default: "a wildcard trunk",
  none: "no trunk: every candidate filtered the call out",
  empty: "no trunk: none lists the number and there is no wildcard trunk",
} as const;

const label = (ref: ObjectRef) => (ref.name !== "" && ref.id !== "" ? `${code(ref.name)} (${code(ref.id)})` : code(refLabel(ref)));

const orNone = (value: string) => (value === "" ? "none given" : code(value));

function callLine({ call }: SimulationResult): string {
  const pin = call.noPin ? "`#` alone" : call.pin === "" ? "none entered" : `entered (${call.pin.length} digits)`;
  return `To ${code(call.calledNumber)} from ${code(call.callerNumber)}; source IP ${orNone(call.sourceIp)}; From host ${orNone(call.callerHost)}; pin ${pin}.`;
}

function trunkBlocks(result: SimulationResult): Block[] {
  const { trunk, auth } = result;
  const matchType = trunk.matchType === undefined ? "" : ` Matched: ${MATCH_TYPES[trunk.matchType]}.`;
  const authLine = auth.required ? `digest auth required (user ${code(auth.username ?? "")})` : "no auth";
  const rows = trunk.verdicts.map((v) => [label(v.trunk), v.reason === undefined ? TRUNK_VERDICTS[v.status] : TRUNK_SKIPS[v.reason]]);
  return [
    { heading: "Trunk" },
    { paragraph: `${trunk.matched === undefined ? "No trunk takes the call." : `${label(trunk.matched)} takes the call, ${authLine}.`}${matchType}` },
    ...(rows.length === 0 ? [] : [{ table: { headers: ["Trunk", "Verdict"], rows } }]),
  ];
}

function ruleBlocks({ rules }: SimulationResult): Block[] {
  if (rules.length === 0) return [];
  const rows = rules.map((r, i) => [
    String(i + 1),
    label(r.rule),
    r.scope === "trunk" ? "this trunk" : "any trunk",
    String(r.priority),
    r.won ? "wins" : r.reason === undefined ? "" : RULE_DROPS[r.reason],
  ]);
  return [{ heading: "Dispatch rules, in LiveKit's order" }, { table: { headers: ["#", "Rule", "Applies to", "Priority", "Verdict"], rows } }];
}

function roomBlocks({ room, krisp, media }: SimulationResult): Block[] {
  const rows: string[][] = [];
  if (room !== undefined) {
    rows.push(["Room", code(room.roomName)], ["Participant identity", code(room.participantIdentity)], ["Participant name", code(room.participantName)]);
    if (room.participantMetadata !== "") rows.push(["Participant metadata", code(room.participantMetadata)]);
    rows.push(["Agents", room.agents.length === 0 ? "none" : room.agents.map(code).join(", ")]);
    if (room.roomPreset !== "") rows.push(["Room preset", code(room.roomPreset)]);
  }
  if (krisp !== undefined) rows.push(["Krisp", krisp ? "on" : "off"]);
  if (media !== undefined) rows.push(["Codecs", summarizeCodecs(media).text], ["Encryption", media.encryption]);
  if (rows.length === 0) return [];
  const attributes = Object.entries(room?.participantAttributes ?? {}).map(([key, value]) => [code(key), value === "" ? "(empty)" : code(value)]);
  return [
    { heading: room === undefined ? "Media" : "Room" },
    { table: { headers: ["Setting", "Value"], rows } },
    ...(attributes.length === 0 ? [] : [{ heading: "Participant attributes" }, { table: { headers: ["Attribute", "Value"], rows: attributes } }]),
  ];
}

function simulationBlocks(result: SimulationResult): Block[] {
  const { error, notes } = result;
  return [
    { paragraph: describeSimulation(result) },
    { paragraph: callLine(result) },
    ...trunkBlocks(result),
    ...ruleBlocks(result),
    ...roomBlocks(result),
    ...(error === undefined ? [] : [{ heading: "Error" }, { paragraph: `${error.stage}: ${error.code}: ${error.message}` }]),
    ...(notes.length === 0 ? [] : [{ heading: "Notes" }, { list: notes }]),
  ];
}

export const renderSimulationMarkdown = (result: SimulationResult): string => renderMarkdown(TITLE, simulationBlocks(result));

export const renderSimulationText = (result: SimulationResult): string => renderText(TITLE, simulationBlocks(result));
