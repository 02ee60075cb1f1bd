import { normalizeNumber } from "../../livekit/numbers";
import { trunkLabel } from "../refs";
import { change, type RoutingChange } from "./routingChange";
import type { ObjectPair } from "./pairObjects";
import type { RoutingConfig, RoutingTrunk } from "../types";
import { code, codeList } from "../wording";

/**
 * Numbers the trunks list, compared the way trunks match them (normalised). A wildcard trunk
 * still answers an unlisted number; the call changes say where such calls go.
 */
function answeredNumbers(config: RoutingConfig): Map<string, { spelling: string; trunks: string[]; trunkObjects: RoutingTrunk[] }> {
  const numbers = new Map<string, { spelling: string; trunks: string[]; trunkObjects: RoutingTrunk[] }>();
  for (const trunk of config.trunks) {
    for (const spelling of trunk.numbers ?? []) {
      const entry = numbers.get(normalizeNumber(spelling)) ?? { spelling, trunks: [], trunkObjects: [] };
      entry.trunks.push(trunkLabel(trunk));
      entry.trunkObjects.push(trunk);
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

const answersAnyNumber = (config: RoutingConfig) => config.trunks.some((t) => (t.numbers ?? []).length === 0);

/** `trunkPairs`: which trunk of `before` is which of `after` (the diff's pairing). */
export function numberChanges(before: RoutingConfig, after: RoutingConfig, trunkPairs: readonly ObjectPair<RoutingTrunk>[]): RoutingChange[] {
  const counterpart = new Map<RoutingTrunk, RoutingTrunk>();
  for (const pair of trunkPairs) if (pair.before !== undefined && pair.after !== undefined) counterpart.set(pair.before, pair.after);
  const was = answeredNumbers(before);
  const now = answeredNumbers(after);
  const added = [...now].filter(([key]) => !was.has(key));
  const removed = [...was].filter(([key]) => !now.has(key));
  // Moved: no trunk that answered the number before answers it now.
  const moved = [...now].filter(([key, n]) => was.has(key) && !was.get(key)!.trunkObjects.some((t) => n.trunkObjects.includes(counterpart.get(t)!)));
  const trunks = (names: string[]) => `${names.length === 1 ? "trunk" : "trunks"} ${codeList([...new Set(names)])}`;
  return [
    ...added.map(([, n]) => change("number-added", false, `Number ${code(n.spelling)} added to ${trunks(n.trunks)}`)),
    // Callers keep dialling a removed number: its calls are dropped, unless a trunk answers every number.
    ...removed.map(([, n]) => change("number-removed", !answersAnyNumber(after), `Number ${code(n.spelling)} removed from ${trunks(n.trunks)}; no trunk lists it now`)),
    // The carrier must now send the number's calls to the other trunk, with its addresses and credentials.
    ...moved.map(([key, n]) => change("number-moved", true, `Number ${code(n.spelling)} moved from ${trunks(was.get(key)!.trunks)} to ${trunks(n.trunks)}`)),
  ];
}
