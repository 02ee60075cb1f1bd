/**
 * Which resource of this deployment holds each LiveKit object, and which creates have a request
 * in flight. A create whose answer was lost looks for the object it made among identical ones
 * (reliableWrites.ts): it must never take one another resource of the deployment holds, nor one
 * another create of the same kind may be about to get back. One per provider host, as the
 * deployment's resources all go through it.
 */
export class Owners {
  private readonly byId = new Map<string, string>();
  private readonly inFlight = new Map<string, Set<Promise<unknown>>>();

  /** The resource holding the object, if one of this deployment does. */
  holder(id: string): string | undefined {
    return this.byId.get(id);
  }

  /** Records that `owner` holds the object; false when another resource of the deployment already does. */
  claim(id: string, owner: string): boolean {
    const holder = this.byId.get(id);
    if (holder !== undefined && holder !== owner) return false;
    this.byId.set(id, owner);
    return true;
  }

  release(id: string): void {
    this.byId.delete(id);
  }

  /** A create request of `kind`, tracked until it settles. */
  track<T>(kind: string, request: Promise<T>): Promise<T> {
    const requests = this.inFlight.get(kind) ?? new Set();
    this.inFlight.set(kind, requests);
    requests.add(request);
    const done = () => void requests.delete(request);
    request.then(done, done);
    return request;
  }

  /** Settles once every create request of `kind` in flight now, other than `own`, has settled. */
  async othersSettled(kind: string, own: ReadonlySet<Promise<unknown>>): Promise<void> {
    const others = [...(this.inFlight.get(kind) ?? [])].filter((r) => !own.has(r));
    await Promise.allSettled(others);
  }
}
