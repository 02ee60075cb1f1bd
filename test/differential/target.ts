import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../src/emulator";
import { replaceThroughApi } from "./liveKitApi";
import { startLiveKitServer, type LiveKitServer } from "./liveKitServer";
import { describeDifference, startDifferentialProxy, type DifferentialProxy } from "./proxy";

/**
 * The emulator's conformance tests in differential mode (the `differential` jest project): the same
 * tests, but their requests go through the differential proxy to LiveKit's real server and to the
 * emulator, they get LiveKit's answers, and a test fails when the two answered differently. What
 * only the emulator has (its store, its limits, LiveKit's other services) is tested in the `suite`
 * project only (`itEmulatorOnly`); docs/emulator.md lists those differences.
 */

export const isDifferential = (): boolean => (globalThis as { __LIVEKIT_DIFFERENTIAL__?: boolean }).__LIVEKIT_DIFFERENTIAL__ === true;

export interface DifferentialTarget {
  emulator: RunningEmulator;
  livekit: LiveKitServer;
  proxy: DifferentialProxy;
}

/** Empties both servers: the emulator's store and LiveKit's Redis. */
export async function resetBoth(target: DifferentialTarget): Promise<void> {
  await target.emulator.store.clear();
  target.emulator.resetStats();
  await target.livekit.reset();
}

/** Fails with a readable report of every difference since the last check. */
export function assertNoDifferences(target: DifferentialTarget): void {
  const found = target.proxy.takeDifferences();
  if (found.length > 0) {
    throw new Error(`the emulator and LiveKit ${target.livekit.version} answered differently:\n  ${found.map(describeDifference).join("\n  ")}`);
  }
}

export async function startDifferentialTarget(options: EmulatorOptions = {}): Promise<DifferentialTarget> {
  const livekit = await startLiveKitServer();
  const emulator = await startEmulator({ port: 0, ...options, acceptIdHints: true });
  const proxy = await startDifferentialProxy({ emulatorUrl: emulator.url, livekitUrl: livekit.url });
  return { emulator, livekit, proxy };
}

export async function stopDifferentialTarget(target: DifferentialTarget | undefined): Promise<void> {
  if (!target) return;
  // Each is stopped even when another fails to, so a failed close never leaves a server running.
  const results = await Promise.allSettled([target.proxy.close(), target.emulator.close(), target.livekit.close()]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

/**
 * The emulator as tests see it in differential mode: its URL is the proxy's, so every request
 * reaches LiveKit too, and its store mirrors LiveKit's. An out-of-band `put` becomes an API replace
 * that reaches both, as a dashboard edit would; `clear` empties both.
 */
export function differentialView(target: DifferentialTarget): RunningEmulator {
  const { emulator } = target;
  const store = Object.assign(Object.create(null), emulator.store, {
    put: (kind: Parameters<typeof emulator.store.put>[0], object: Record<string, unknown>) => replaceThroughApi(target.proxy.url, kind, object),
    clear: () => resetBoth(target),
  });
  return Object.assign(Object.create(null), emulator, { url: target.proxy.url, port: Number(new URL(target.proxy.url).port), store, close: () => stopDifferentialTarget(target) });
}

/** `useEmulator` of the conformance tests, in differential mode: the emulator as seen through the proxy. */
export function useDifferentialEmulator(options: EmulatorOptions = {}): () => RunningEmulator {
  let target: DifferentialTarget | undefined;
  let view: RunningEmulator | undefined;
  beforeAll(async () => {
    target = await startDifferentialTarget(options);
    view = differentialView(target);
  }, 60_000);
  beforeEach(async () => {
    if (!target) return;
    await resetBoth(target);
    target.proxy.takeDifferences();
  });
  afterEach(() => {
    if (target) assertNoDifferences(target);
  });
  afterAll(() => stopDifferentialTarget(target), 30_000);
  return () => {
    if (view === undefined) throw new Error("the differential target is not running");
    return view;
  };
}

/** What a test needs of "LiveKit": where it is, its keys, and a way to empty it between runs. */
export interface LiveKitUnderTest {
  readonly name: string;
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  reset(): Promise<void>;
  /** In differential mode: fails when the emulator and LiveKit answered differently since the last reset. */
  check(): void;
}

/**
 * The emulator in the `suite` project; in the `differential` project, LiveKit's real server with
 * the emulator beside it (answers are LiveKit's, differences fail `check()`).
 */
export function useLiveKit(): () => LiveKitUnderTest {
  let current: LiveKitUnderTest | undefined;
  let target: DifferentialTarget | undefined;
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    if (isDifferential()) {
      const t = (target = await startDifferentialTarget());
      current = { name: `LiveKit ${t.livekit.version}`, url: t.proxy.url, apiKey: t.livekit.apiKey, apiSecret: t.livekit.apiSecret, reset: () => resetBoth(t), check: () => assertNoDifferences(t) };
    } else {
      const e = (emulator = await startEmulator({ port: 0 }));
      current = { name: "the emulator", url: e.url, apiKey: e.apiKey, apiSecret: e.apiSecret, reset: () => e.store.clear(), check: () => undefined };
    }
  }, 60_000);
  afterAll(async () => {
    await stopDifferentialTarget(target);
    await emulator?.close();
  }, 30_000);
  return () => {
    if (current === undefined) throw new Error("LiveKit is not running");
    return current;
  };
}
