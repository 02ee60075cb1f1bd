import type { SipApi } from "../client/sipApi";
import type { ResourceDefinition } from "../resources/definition";
import type { KnownObjects } from "./knownObjects";

type Props = Record<string, unknown>;

/**
 * Refuses a create or update that LiveKit would reject as a conflict with objects this stack does
 * not manage, naming them. Unlike LiveKit it also checks an update that moves an object to
 * numbers or trunks disjoint from its old ones (open-source LiveKit's update check misses those).
 * It reads LiveKit once per kind per deployment (see KnownObjects): the deliberate pre-check.
 */
export async function assertNoLiveConflicts(
  definition: ResourceDefinition,
  api: SipApi,
  known: KnownObjects,
  args: Props,
  selfId?: string,
): Promise<void> {
  if (!definition.liveConflicts) return;
  const existing = (await known.list(definition, api))
    .map((wire) => ({ id: String((wire as Props)[definition.idField] ?? ""), args: definition.schema.fromWire(wire) as never }))
    .filter((object) => object.id !== selfId);
  const conflicts = definition.liveConflicts(args as never, existing);
  if (conflicts.length > 0) {
    throw new Error(`conflicts with what already exists in LiveKit, so nothing was sent: ${conflicts.join("; ")}`);
  }
}
