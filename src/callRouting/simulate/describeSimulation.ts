import { refLabel } from "../refs";
import { describeDestination } from "../match/ruleSummary";
import type { SimulationResult } from "./simulate";
import { code } from "../wording";

/** One sentence (markdown code spans) saying what happened to a simulated call. */
export function describeSimulation(result: SimulationResult): string {
  const via = [
    result.phoneNumber !== undefined
      ? `LiveKit number ${code(result.phoneNumber.name)}`
      : result.trunk.matched === undefined
        ? "no trunk"
        : `trunk ${code(refLabel(result.trunk.matched))}`,
    ...(result.rule === undefined ? [] : [`rule ${code(refLabel(result.rule))}`]),
  ].join(", ");
  switch (result.outcome) {
    case "room":
      return `Lands in room ${code(result.room?.roomName ?? "")}${agentsOf(result)} (${via}).`;
    case "request-pin":
      return `Asked for a pin for ${describeDestination(result.rule ?? { roomPattern: "", agents: [] })} (${via}).`;
    case "wrong-pin":
      return `Rejected as a wrong pin (${via}).`;
    case "no-rule":
      return `Dropped: no dispatch rule matches (${via}).`;
    case "error":
      return `Fails with SIP 503: ${result.error?.message ?? ""}`;
  }
}

function agentsOf(result: SimulationResult): string {
  const agents = result.room?.agents ?? [];
  return agents.length === 0 ? "" : ` with ${agents.length === 1 ? "agent" : "agents"} ${agents.map(code).join(", ")}`;
}
