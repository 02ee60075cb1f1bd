import type { Difference } from "./proxy";

/**
 * Differences between the emulator and LiveKit's open-source server that are deliberate, each with
 * why. Anything else fails the differential tests.
 */
export interface KnownDifference {
  name: string;
  why: string;
  matches(d: Difference): boolean;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [];

export function explain(d: Difference): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((k) => k.matches(d));
}
