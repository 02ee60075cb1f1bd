/** Caps how many resources the engine steps at once (the CLI's --parallel); Infinity means no cap. */
export function createLimiter(max: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function limit<T>(fn: () => Promise<T>): Promise<T> {
    if (active < max) {
      active++;
    } else {
      // The releasing caller hands its slot over directly, so `active` never overshoots.
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) {
        next();
      } else {
        active--;
      }
    }
  };
}
