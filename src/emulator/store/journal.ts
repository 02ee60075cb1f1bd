import { existsSync, readFileSync, statSync, truncateSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";

/** How the journal makes written lines durable; tests pass their own to count or fail syncs. */
export type SyncFile = (handle: FileHandle) => Promise<void>;

const datasync: SyncFile = (handle) => handle.datasync();

/**
 * The state file's append-only companion: each commit adds one line (its changes as JSON), so a
 * write costs its own size, not the store's. Lines that arrive together are written and synced
 * together (group commit, see `SipStore`), and none is acknowledged before its sync completes. The
 * state file is rewritten (compacted) only once the journal outgrows it; after a crash, loading
 * replays the journal over the state file. A last line cut short by the crash was never
 * acknowledged and is ignored.
 */
export class Journal {
  private handle: FileHandle | undefined;
  /** What is on disk and synced: a failed append is cut back to it. */
  private bytes: number;
  private broken: Error | undefined;

  constructor(
    readonly path: string,
    private readonly sync: SyncFile = datasync,
  ) {
    this.bytes = existsSync(path) ? statSync(path).size : 0;
  }

  get size(): number {
    return this.bytes;
  }

  /**
   * The entries written so far, oldest first. A last line without its line break was cut short by
   * a crash and never acknowledged (a line is acknowledged only once all of it is synced): it is
   * dropped from the file too, or the next append would glue its line to the fragment.
   */
  read(): unknown[] {
    if (!existsSync(this.path)) return [];
    const text = readFileSync(this.path, "utf8");
    const lines = text.split("\n");
    const torn = lines.pop()!;
    if (torn !== "") {
      this.bytes = Buffer.byteLength(text) - Buffer.byteLength(torn);
      truncateSync(this.path, this.bytes);
    }
    return lines
      .map((line, i) => {
        try {
          return line === "" ? undefined : (JSON.parse(line) as unknown);
        } catch (error) {
          throw new Error(`journal ${this.path} line ${i + 1} is not JSON: ${(error as Error).message}`);
        }
      })
      .filter((entry) => entry !== undefined);
  }

  /**
   * Appends entries, each already JSON without line breaks, with one write and one sync. When
   * either fails, the journal is cut back to what was synced before, so a restart never replays a
   * line whose write was refused (later, accepted writes may contradict it); when even that
   * fails, every later append is refused, as nothing can tell what a restart would replay.
   */
  async append(jsons: readonly string[]): Promise<void> {
    if (this.broken !== undefined) throw this.broken;
    const data = Buffer.from(jsons.map((json) => `${json}\n`).join(""));
    try {
      this.handle ??= await open(this.path, "a", 0o600);
      const { bytesWritten } = await this.handle.write(data);
      if (bytesWritten !== data.length) throw new Error(`journal ${this.path}: wrote ${bytesWritten} of ${data.length} bytes`);
      await this.sync(this.handle);
    } catch (error) {
      await this.cutBack(error as Error);
      throw error;
    }
    this.bytes += data.length;
  }

  private async cutBack(cause: Error): Promise<void> {
    if (this.handle === undefined) return;
    try {
      await this.handle.truncate(this.bytes);
      await this.sync(this.handle);
    } catch (error) {
      this.broken = new Error(
        `journal ${this.path} could not be cut back to its last synced line after "${cause.message}" (${(error as Error).message}); writes are refused until the emulator restarts`,
      );
    }
  }

  /** Empties the journal once the state file holds everything in it; an empty journal is usable again. */
  async clear(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
    if (existsSync(this.path)) truncateSync(this.path, 0);
    this.bytes = 0;
    this.broken = undefined;
  }
}
