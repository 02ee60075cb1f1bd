import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * A file replaced atomically and durably: the new contents go to a temporary file in the same
 * directory, which is fsynced, renamed over the target, and the directory is fsynced so the
 * rename itself survives a crash. A reader therefore sees either the old or the new contents,
 * never a mix, whatever moment the process (or machine) dies.
 */
export class StateFile {
  private sequence = 0;

  constructor(readonly path: string) {}

  private get tempPrefix(): string {
    return `${basename(this.path)}.tmp-`;
  }

  /** The current contents, or undefined when the file does not exist yet. */
  read(): string | undefined {
    try {
      return readFileSync(this.path, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw err;
    }
  }

  /** Removes temporary files a killed process may have left behind; they were never acknowledged. */
  removeStaleTempFiles(): void {
    const dir = dirname(this.path);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith(this.tempPrefix)) unlinkSync(join(dir, name));
    }
  }

  /** The same replacement done synchronously, for the first contents of a new file. */
  writeNow(contents: string): void {
    const temp = join(dirname(this.path), `${this.tempPrefix}${process.pid}-${++this.sequence}`);
    const fd = openSync(temp, "w", 0o600);
    try {
      writeSync(fd, contents);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
  }

  async write(contents: string): Promise<void> {
    const temp = join(dirname(this.path), `${this.tempPrefix}${process.pid}-${++this.sequence}`);
    const handle = await open(temp, "w", 0o600);
    try {
      await handle.writeFile(contents, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.path);
    await syncDirectory(dirname(this.path));
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; its rename is already durable enough there.
  if (process.platform === "win32") return;
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
