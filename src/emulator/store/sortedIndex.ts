/** Items per chunk before it splits: inserts move at most this many references. */
const MAX_CHUNK = 1024;

/**
 * Values kept sorted by ID as they are written, in chunks of at most 1,024, so a write costs a
 * binary search and a move within one chunk, whatever the store holds. The flat sorted listing is
 * built when asked for and kept until the next write; a listing handed out never changes.
 */
export class SortedById<T> {
  private chunks: T[][] = [];
  private flat: readonly T[] | undefined = [];

  constructor(private readonly idOf: (item: T) => string) {}

  values(): readonly T[] {
    this.flat ??= this.chunks.flat();
    return this.flat;
  }

  set(item: T): void {
    this.flat = undefined;
    const id = this.idOf(item);
    if (this.chunks.length === 0) {
      this.chunks.push([item]);
      return;
    }
    const c = this.chunkFor(id);
    const chunk = this.chunks[c];
    const at = this.position(chunk, id);
    if (at < chunk.length && this.idOf(chunk[at]) === id) chunk[at] = item;
    else chunk.splice(at, 0, item);
    if (chunk.length > MAX_CHUNK) this.chunks.splice(c, 1, chunk.slice(0, MAX_CHUNK / 2), chunk.slice(MAX_CHUNK / 2));
  }

  delete(id: string): void {
    if (this.chunks.length === 0) return;
    const c = this.chunkFor(id);
    const chunk = this.chunks[c];
    const at = this.position(chunk, id);
    if (at >= chunk.length || this.idOf(chunk[at]) !== id) return;
    this.flat = undefined;
    chunk.splice(at, 1);
    if (chunk.length === 0) this.chunks.splice(c, 1);
  }

  /** The chunk an ID belongs in: the first whose last ID is not below it, else the last chunk. */
  private chunkFor(id: string): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.chunks[mid];
      if (this.idOf(chunk[chunk.length - 1]) < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index in `chunk` of the first item whose ID is not below `id` (byte order, as LiveKit sorts). */
  private position(chunk: readonly T[], id: string): number {
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.idOf(chunk[mid]) < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
