import type { SipApi } from "../client/sipApi";
import type { Failure, ResourceDefinition } from "../resources/definition";
import { containsUnknown } from "../schema/unknowns";
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

/** Said once per provider process: a preview without credentials is common (a fork's pull request) and not an error. */
let warnedNoCredentials = false;

/**
 * The same pre-check at preview (the provider's `check` of a create, its `diff` of an update), so
 * that `pulumi preview` fails on what LiveKit holds: rules and trunks of other stacks sharing the
 * project, which no program check can see. It reads LiveKit (one listing per kind per process)
 * and never writes; objects this deployment updates or adopts (`selfId`) count as they will be
 * for the resources checked after them. Skipped, with a
 * warning once, when the stack has no credentials or LiveKit cannot be reached: the check before
 * each write still runs, and LiveKit checks every write itself.
 */
export async function previewConflicts(
  definition: ResourceDefinition,
  connect: () => { api: SipApi; known: KnownObjects },
  args: Record<string, unknown>,
  selfId: string | undefined,
  warn: (warning: string) => void,
): Promise<Failure[]> {
  const conflicts = definition.conflicts;
  // A value not known yet (a trunk this deployment creates) cannot collide with what exists.
  if (!conflicts || conflicts.reads.some((key) => containsUnknown(args[key]))) return [];
  let target: { api: SipApi; known: KnownObjects };
  try {
    target = connect();
  } catch (error) {
    if (!warnedNoCredentials) warn(`preview did not compare with what LiveKit holds: ${(error as Error).message}`);
    warnedNoCredentials = true;
    return [];
  }
  const { api, known } = target;
  if (known.unreachable !== undefined) return [];
  try {
    const problems = await known.plannedCollisions(definition, api, args, selfId);
    // The object this deployment updates (or adopts) counts as it will be for the resources after it.
    if (problems.length === 0 && selfId !== undefined) known.plan(definition, selfId, args);
    return problems.map(({ property, reason }) => ({ property, reason: `conflicts with what already exists in LiveKit: ${reason}` }));
  } catch (error) {
    known.unreachable = error instanceof Error ? error.message : String(error);
    warn(`preview could not compare with what LiveKit holds (${known.unreachable}); conflicts with other stacks are checked before each write instead`);
    return [];
  }
}
