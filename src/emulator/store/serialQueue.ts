/**
 * Runs tasks one at a time, in arrival order. Every mutation of the store runs its
 * validate → conflict check → persist → apply sequence as one task, so concurrent requests can
 * never both pass a conflict check against the same state.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
