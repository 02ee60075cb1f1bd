import { existsSync, readFileSync, statSync, truncateSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";

/**
 * The state file's append-only companion: each commit adds one line (its changes as JSON) and is
 * synced before the commit is acknowledged, so a write costs its own size, not the store's. The
 * state file is rewritten (compacted) only once the journal outgrows it; after a crash, loading
 * replays the journal over the state file. A last line cut short by the crash was never
 * acknowledged and is ignored.
 */
export class Journal {
  private handle: FileHandle | undefined;
  private bytes: number;

  constructor(readonly path: string) {
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

  /** Appends one entry, already JSON without line breaks, and syncs it. */
  async append(json: string): Promise<void> {
    const line = `${json}\n`;
    this.handle ??= await open(this.path, "a", 0o600);
    await this.handle.write(line);
    await this.handle.datasync();
    this.bytes += Buffer.byteLength(line);
  }

  /** Empties the journal once the state file holds everything in it. */
  async clear(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
    if (existsSync(this.path)) truncateSync(this.path, 0);
    this.bytes = 0;
  }
}
