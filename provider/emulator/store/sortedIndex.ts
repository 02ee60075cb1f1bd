/**
 * Values kept sorted by ID as they are written, so listing costs nothing and a write costs a
 * binary search and one move of references, not a sort of the whole kind. `values()` hands out a
 * snapshot: the array is copied on the first write after it was handed out, so a caller holding
 * a listing never sees it change.
 */
export class SortedById<T> {
  private items: T[] = [];
  private shared = false;

  constructor(private readonly idOf: (item: T) => string) {}

  values(): readonly T[] {
    this.shared = true;
    return this.items;
  }

  set(item: T): void {
    const id = this.idOf(item);
    const at = this.position(id);
    const items = this.writable();
    if (at < items.length && this.idOf(items[at]) === id) items[at] = item;
    else items.splice(at, 0, item);
  }

  delete(id: string): void {
    const at = this.position(id);
    if (at < this.items.length && this.idOf(this.items[at]) === id) this.writable().splice(at, 1);
  }

  /** The index of the first item whose ID is not below `id` (byte order, as LiveKit sorts). */
  private position(id: string): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.idOf(this.items[mid]) < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private writable(): T[] {
    if (this.shared) {
      this.items = [...this.items];
      this.shared = false;
    }
    return this.items;
  }
}
