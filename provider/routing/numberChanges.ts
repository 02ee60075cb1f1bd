import { normalizeNumber } from "../livekit/numbers";
import { trunkLabel } from "./refs";
import { change, type RoutingChange } from "./routingChange";
import type { RoutingConfig } from "./types";
import { code, codeList } from "./wording";

/**
 * Numbers the trunks list, compared the way trunks match them (normalised). A wildcard trunk
 * still answers an unlisted number; the call changes say where such calls go.
 */
function answeredNumbers(config: RoutingConfig): Map<string, { spelling: string; trunks: string[] }> {
  const numbers = new Map<string, { spelling: string; trunks: string[] }>();
  for (const trunk of config.trunks) {
    for (const spelling of trunk.numbers ?? []) {
      const entry = numbers.get(normalizeNumber(spelling)) ?? { spelling, trunks: [] };
      entry.trunks.push(trunkLabel(trunk));
      numbers.set(normalizeNumber(spelling), entry);
    }
  }
  return numbers;
}

/** The normalised numbers `after` lists that `before` does not. */
export function newlyListedNumbers(before: RoutingConfig, after: RoutingConfig): Set<string> {
  const was = answeredNumbers(before);
  return new Set([...answeredNumbers(after).keys()].filter((key) => !was.has(key)));
}

export function numberChanges(before: RoutingConfig, after: RoutingConfig): RoutingChange[] {
  const was = answeredNumbers(before);
  const now = answeredNumbers(after);
  const added = [...now].filter(([key]) => !was.has(key));
  const removed = [...was].filter(([key]) => !now.has(key));
  const trunks = (names: string[]) => `${names.length === 1 ? "trunk" : "trunks"} ${codeList([...new Set(names)])}`;
  return [
    ...added.map(([, n]) => change("number-added", false, `Number ${code(n.spelling)} added to ${trunks(n.trunks)}`)),
    ...removed.map(([, n]) => change("number-removed", false, `Number ${code(n.spelling)} removed from ${trunks(n.trunks)}; no trunk lists it now`)),
  ];
}
