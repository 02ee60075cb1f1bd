import type { SipApi } from "../client/sipApi";
import type { ResourceDefinition } from "../resources/definition";
import type { Claims, StackProblem } from "../livekit/conflictClaims";

type Props = Record<string, unknown>;
type Shape = { name: string; id?: string };

/** How messages name an object that already exists in LiveKit: its ID, then its name. */
const labelled = (id: string, name: unknown) => (typeof name === "string" && name ? `${id} (${name})` : id);

/**
 * The conflict keys of what LiveKit holds, per kind, as this provider process has seen it: listed
 * once, on the first pre-check of a deployment, then kept current with this process's own writes.
 * A pre-check then costs one list per kind per `pulumi up` and a lookup of the object's own keys;
 * objects others change during the run are not seen, and LiveKit still checks every write itself.
 */
export class KnownObjects {
  private readonly byKind = new Map<string, Promise<Claims<Shape>>>();
  /** Why a preview's listing failed: later previews of the process skip the comparison rather than wait again. */
  unreachable?: string;
  /**
   * Objects of this deployment whose diff found changes, as they will be once updated: a preview
   * judges later resources against those shapes rather than the live ones, so that moving a pin
   * or number from one resource to another within a deployment is not reported as a conflict.
   */
  private readonly planned = new Map<string, { ids: Set<string>; claims: Claims<Shape> }>();

  /** What `args` would collide with, ignoring the object's own claims (`selfId`) on an update. */
  async collisions(definition: ResourceDefinition, api: SipApi, args: Props, selfId?: string): Promise<StackProblem[]> {
    const conflicts = definition.conflicts;
    if (!conflicts) return [];
    const claims = await this.claimsOf(definition, api);
    return claims.collisions(conflicts.shape(args, "", selfId), (owner) => owner.id !== undefined && owner.id === selfId);
  }

  /**
   * What `args` would collide with once this deployment's planned changes are made: the live
   * objects, except those it is changing, which count in their planned shape instead.
   */
  async plannedCollisions(definition: ResourceDefinition, api: SipApi, args: Props, selfId?: string): Promise<StackProblem[]> {
    const conflicts = definition.conflicts;
    if (!conflicts) return [];
    const claims = await this.claimsOf(definition, api);
    const planned = this.plannedOf(definition);
    const shape = conflicts.shape(args, "", selfId);
    const isSelf = (owner: Shape) => owner.id !== undefined && owner.id === selfId;
    return [
      ...claims.collisions(shape, (owner) => isSelf(owner) || (owner.id !== undefined && planned.ids.has(owner.id))),
      ...planned.claims.collisions(shape, isSelf),
    ];
  }

  /** Records that this deployment is changing object `id` to `args`, for later `plannedCollisions`. */
  plan(definition: ResourceDefinition, id: string, args: Props): void {
    if (!definition.conflicts) return;
    const planned = this.plannedOf(definition);
    planned.claims.release(id);
    planned.claims.claim(definition.conflicts.shape(args, labelled(id, args.name), id));
    planned.ids.add(id);
  }

  private plannedOf(definition: ResourceDefinition): { ids: Set<string>; claims: Claims<Shape> } {
    let planned = this.planned.get(definition.type);
    if (!planned) this.planned.set(definition.type, (planned = { ids: new Set(), claims: definition.conflicts!.claims() }));
    return planned;
  }

  /** Records a write of ours: the object's new shape (create, update, adoption), or `undefined` for a delete. */
  async remember(definition: ResourceDefinition, id: string, wire: Props | undefined): Promise<void> {
    const known = this.byKind.get(definition.type);
    const claims = known && (await known.catch(() => undefined));
    if (!claims || !definition.conflicts) return;
    claims.release(id);
    if (wire) claims.claim(this.shapeOf(definition, wire));
  }

  private shapeOf(definition: ResourceDefinition, wire: Props): Shape {
    const id = String(wire[definition.idField] ?? "");
    return definition.conflicts!.shape(definition.schema.fromWire(wire) ?? {}, labelled(id, wire.name), id);
  }

  private claimsOf(definition: ResourceDefinition, api: SipApi): Promise<Claims<Shape>> {
    let known = this.byKind.get(definition.type);
    if (!known) {
      known = definition.livekit.list(api).then((items) => {
        const claims = definition.conflicts!.claims();
        // Existing conflicts between objects we do not manage are not ours to report.
        for (const wire of items) claims.claim(this.shapeOf(definition, wire));
        return claims;
      });
      // A failed listing is not cached: the next write tries again.
      known.catch(() => this.byKind.delete(definition.type));
      this.byKind.set(definition.type, known);
    }
    return known;
  }
}
