import type { SipApi } from "../client/sipApi";
import type { ResourceDefinition } from "../resources/definition";

type Props = Record<string, unknown>;

/**
 * What LiveKit holds, per kind, as this provider process has seen it: listed once, on the first
 * conflict pre-check of a deployment, then kept current with this process's own writes. The
 * pre-check then costs one list per kind per `pulumi up` instead of one per resource; objects
 * others change during the run are not seen, and LiveKit still checks every write itself.
 */
export class KnownObjects {
  private readonly byKind = new Map<string, Promise<Map<string, Props>>>();

  async list(definition: ResourceDefinition, api: SipApi): Promise<Props[]> {
    return [...(await this.of(definition, api)).values()];
  }

  /** Records a write of ours (create, update, adoption); `undefined` records a delete. */
  async remember(definition: ResourceDefinition, id: string, wire: Props | undefined): Promise<void> {
    const known = this.byKind.get(definition.type);
    if (!known) return;
    const objects = await known.catch(() => undefined);
    if (!objects) return;
    if (wire) objects.set(id, wire);
    else objects.delete(id);
  }

  private of(definition: ResourceDefinition, api: SipApi): Promise<Map<string, Props>> {
    let known = this.byKind.get(definition.type);
    if (!known) {
      known = definition.livekit.list(api).then((items) => new Map(items.map((w) => [String((w as Props)[definition.idField]), w as Props])));
      // A failed listing is not cached: the next write tries again.
      known.catch(() => this.byKind.delete(definition.type));
      this.byKind.set(definition.type, known);
    }
    return known;
  }
}
