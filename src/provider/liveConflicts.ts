import type { SipApi } from "../client/sipApi";
import type { ResourceDefinition } from "../resources/definition";
import type { KnownObjects } from "./knownObjects";

/**
 * Refuses a create or update that LiveKit would reject as a conflict with objects this stack does
 * not manage, naming them. Unlike LiveKit it also checks an update that moves an object to
 * numbers or trunks disjoint from its old ones (open-source LiveKit's update check misses those).
 */
export async function assertNoLiveConflicts(
  definition: ResourceDefinition,
  api: SipApi,
  known: KnownObjects,
  args: Record<string, unknown>,
  selfId?: string,
): Promise<void> {
  const conflicts = await known.collisions(definition, api, args, selfId);
  if (conflicts.length > 0) {
    throw new Error(`conflicts with what already exists in LiveKit, so nothing was sent: ${conflicts.map((c) => c.reason).join("; ")}`);
  }
}
