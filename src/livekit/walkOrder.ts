/**
 * The order in which LiveKit walks resources for its conflict checks. It decides which ID is
 * printed first in a conflict message (livekit `pkg/service/sip.go`, dennwc/iters `MultiIter`).
 */

/**
 * Create: the stored candidates (sorted by ID) alternate with the new resource, `iters.MultiIter`
 * style, so the walk is `S1, NEW, S2, S3, …` (or just `NEW` when nothing is stored).
 */
export function createWalk<T>(storedById: readonly T[], created: T): T[] {
  if (storedById.length === 0) return [created];
  return [storedById[0], created, ...storedById.slice(1)];
}

/**
 * Update: the stored candidates in ID order, the stored copy of the updated resource swapped for
 * its new version (`WithTrunkReplace`, `WithDispatchRuleReplace`).
 *
 * LiveKit selects the candidates by the *new* numbers/trunks but tests that selection on the
 * *stored* copies, so an update moving a resource to a disjoint set leaves it out of the walk and
 * its new conflicts go unnoticed. `candidate` is that selection; with `ossGap` false the updated
 * resource is always walked, which detects those conflicts.
 */
export function updateWalk<T>(
  storedById: readonly T[],
  updated: T,
  sameResource: (stored: T) => boolean,
  candidate: (stored: T) => boolean,
  ossGap: boolean,
): T[] {
  const walk: T[] = [];
  for (const stored of storedById) {
    if (sameResource(stored)) {
      if (!ossGap || candidate(stored)) walk.push(updated);
    } else if (candidate(stored)) {
      walk.push(stored);
    }
  }
  return walk;
}
