import * as vm from "vm";

// Jest hands test code a sandboxed copy of `process` whose listeners never fire (and maps require("process") and
// createRequire to it); code run in Node's main context still sees the real one.
const realProcess = vm.runInThisContext("process") as NodeJS.Process;

type Listener = (...args: unknown[]) => void;

export interface RejectionCapture {
  /** Rejects with the first unhandled rejection seen while capturing. */
  readonly first: Promise<never>;
  /** Every unhandled rejection seen so far. */
  readonly seen: unknown[];
  /** Hands unhandled rejections back to whoever listened before (jest, for instance). */
  release(): void;
}

/**
 * Takes over unhandled rejections the way the Node language host does while a program runs: the SDK deliberately
 * turns failed registrations into unhandled rejections (and then leaves the resource's outputs pending forever), so
 * the first one is the program's failure.
 */
export function captureUnhandledRejections(): RejectionCapture {
  const previous = realProcess.listeners("unhandledRejection") as Listener[];
  realProcess.removeAllListeners("unhandledRejection");
  let fail!: (reason: unknown) => void;
  const first = new Promise<never>((_, reject) => {
    fail = reject;
  });
  first.catch(() => undefined);
  const seen: unknown[] = [];
  const listener = (reason: unknown) => {
    seen.push(reason);
    fail(reason);
  };
  realProcess.on("unhandledRejection", listener);
  return {
    first,
    seen,
    release() {
      realProcess.off("unhandledRejection", listener);
      for (const l of previous) {
        realProcess.on("unhandledRejection", l);
      }
    },
  };
}
