import * as fs from "fs/promises";
import * as path from "path";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A lock left behind by a crashed or killed jest worker must not block every later run. */
async function isStale(lockDir: string, staleMs: number): Promise<boolean> {
  try {
    const owner = Number(await fs.readFile(path.join(lockDir, "pid"), "utf8"));
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
      return true;
    }
    const { mtimeMs } = await fs.stat(lockDir);
    return Date.now() - mtimeMs > staleMs;
  } catch {
    // The owner is between mkdir and writing its pid, or just released the lock.
    return false;
  }
}

/**
 * Runs `fn` while holding a cross-process lock (mkdir is atomic), so concurrent jest workers install a fixture
 * once instead of racing on the same directory.
 */
export async function withDirLock<T>(lockDir: string, fn: () => Promise<T>, timeoutMs = 180_000, staleMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  await fs.mkdir(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") {
        throw err;
      }
      if (await isStale(lockDir, staleMs)) {
        await fs.rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for lock ${lockDir}`);
      }
      await sleep(100);
    }
  }
  try {
    await fs.writeFile(path.join(lockDir, "pid"), String(process.pid));
    return await fn();
  } finally {
    await fs.rm(lockDir, { recursive: true, force: true });
  }
}
