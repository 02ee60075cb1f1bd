import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { MonotonicClock } from "./clock";
import { FaultInjector } from "./faults/faultInjector";
import { requestListener, type EmulatorRuntime } from "./http/requestHandler";
import { classifyMethod } from "./methods";
import { checkOptions, EMULATOR_DEFAULTS, type EmulatorOptions, type FaultOptions, type LatencyOption } from "./options";
import { StatsCounter, type EmulatorStats } from "./stats";
import { SipStore } from "./store/sipStore";
import { storeHandle, type EmulatorStore } from "./storeHandle";

export type { EmulatorMode, EmulatorOptions, FaultKind, FaultOptions, FaultTiming, LatencyOption } from "./options";
export { EMULATOR_DEFAULTS, EMULATOR_MODES, FAULT_KINDS } from "./options";
export type { EmulatorStats } from "./stats";
export type { EmulatorStore } from "./storeHandle";
export type { ResourceKind } from "./store/resources";

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL to give LiveKit clients, e.g. `http://127.0.0.1:7880` (`LIVEKIT_URL`). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Request counters since start (or the last `resetStats`). */
  stats(): EmulatorStats;
  resetStats(): void;
  /** Out-of-band state access, e.g. to simulate drift. */
  readonly store: EmulatorStore;
  /**
   * Replaces the fault and latency settings (undefined turns them off); the PRNGs restart from
   * their seeds.
   */
  setFaults(faults?: FaultOptions, latency?: LatencyOption): void;
  /** Stops listening, drops open connections and waits for pending state writes. */
  close(): Promise<void>;
}

/**
 * Starts a local LiveKit SIP API (the `livekit.SIP` Twirp service) that validates, conflict-checks
 * and answers exactly like LiveKit's server, without SIP signalling or media, plus LiveKit Cloud's
 * `livekit.PhoneNumberService` over a made-up, deterministic inventory of numbers.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  checkOptions(options);
  const host = options.host ?? EMULATOR_DEFAULTS.host;
  const apiKey = options.apiKey ?? EMULATOR_DEFAULTS.apiKey;
  const apiSecret = options.apiSecret ?? EMULATOR_DEFAULTS.apiSecret;
  const store = SipStore.open(options.statePath);
  const injector = (faults?: FaultOptions, latency?: LatencyOption) =>
    new FaultInjector(faults, latency, options.latencySeed, classifyMethod);
  const stats = new StatsCounter();
  const runtime: EmulatorRuntime = {
    store,
    clock: new MonotonicClock(),
    stats,
    injector: injector(options.faults, options.latency),
    secretFor: (key) => (key === apiKey ? apiSecret : undefined),
    ossUpdateConflictGap: options.ossUpdateConflictGap ?? (options.mode ?? "oss") === "oss",
    timestamps: options.mode === "cloud",
    acceptIdHints: options.acceptIdHints ?? false,
    log: options.log,
  };

  const server = createServer(requestListener(runtime));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? EMULATOR_DEFAULTS.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    apiKey,
    apiSecret,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    store: storeHandle(store),
    setFaults: (faults, latency) => {
      checkOptions({ faults, latency });
      runtime.injector = injector(faults, latency);
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await store.idle();
      await store.flush();
    },
  };
}
