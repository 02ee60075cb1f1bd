import { sortById } from "../../livekit/listFilters";
import { normalizeNumber } from "../../livekit/numbers";
import { addTo } from "../multiMap";
import type { RoutingTrunk } from "../types";

/** A trunk and its place in the configuration, which lists that mix two indexes keep. */
interface Placed {
  readonly trunk: RoutingTrunk;
  readonly position: number;
}

const trunksOf = (placed: readonly Placed[]) => placed.map((p) => p.trunk);
const byId = (trunks: RoutingTrunk[]) => sortById(trunks, (t) => t.sipTrunkId ?? "");
const inConfigOrder = (placed: Placed[]) => trunksOf(placed.sort((a, b) => a.position - b.position));

/**
 * The trunks of a configuration indexed by the numbers they list (normalised, as LiveKit compares
 * trunk numbers) and by ID, so finding the trunks of one number does not read every trunk.
 */
export class TrunkIndex {
  /** The IDs trunks have, for telling rules that name a trunk the configuration lacks. */
  readonly ids: ReadonlySet<string>;
  private readonly byNumber = new Map<string, Placed[]>();
  private readonly byTrunkId = new Map<string, Placed[]>();
  /** Trunks without numbers, which are offered every call. */
  private readonly wildcard: Placed[] = [];
  private readonly wildcardById: RoutingTrunk[];

  constructor(trunks: readonly RoutingTrunk[]) {
    trunks.forEach((trunk, position) => {
      const placed = { trunk, position };
      const numbers = new Set((trunk.numbers ?? []).map(normalizeNumber));
      if (numbers.size === 0) this.wildcard.push(placed);
      for (const number of numbers) addTo(this.byNumber, number, placed);
      addTo(this.byTrunkId, trunk.sipTrunkId ?? "", placed);
    });
    this.ids = new Set(this.byTrunkId.keys());
    this.wildcardById = byId(trunksOf(this.wildcard));
  }

  /** Trunks listing the number in any spelling, in configuration order. */
  listing(calledNumber: string): RoutingTrunk[] {
    return trunksOf(this.byNumber.get(normalizeNumber(calledNumber)) ?? []);
  }

  /**
   * The trunks that may take calls to `calledNumber`, in the order they are tried: trunks listing it
   * (any spelling), then wildcard trunks, which only get callers the listing trunks filter out.
   */
  trunksFor(calledNumber: string | undefined): { listing: RoutingTrunk[]; wildcard: RoutingTrunk[] } {
    return { listing: calledNumber === undefined ? [] : byId(this.listing(calledNumber)), wildcard: [...this.wildcardById] };
  }

  /** What LiveKit's list filter answers for a call to the number: listing and wildcard trunks. */
  offeredTo(calledNumber: string): RoutingTrunk[] {
    return inConfigOrder([...(this.byNumber.get(normalizeNumber(calledNumber)) ?? []), ...this.wildcard]);
  }

  /** Trunks whose ID is among `trunkIds`, in configuration order. */
  named(trunkIds: readonly string[]): RoutingTrunk[] {
    return inConfigOrder([...new Set(trunkIds)].flatMap((id) => this.byTrunkId.get(id) ?? []));
  }
}
