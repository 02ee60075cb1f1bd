import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../../src/emulator";
import { isDifferential, useDifferentialEmulator } from "../../differential/target";

/**
 * One in-process emulator per test file, emptied before each test. Returns a getter because the
 * emulator only exists once `beforeAll` ran.
 */
export function useEmulator(options: EmulatorOptions = {}): () => RunningEmulator {
  if (isDifferential()) return useDifferentialEmulator(options);
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...options });
  });
  beforeEach(async () => {
    emulator?.setFaults(options.faults, options.latency);
    await emulator?.store.clear();
    emulator?.resetStats();
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return () => {
    if (emulator === undefined) throw new Error("the emulator is not running");
    return emulator;
  };
}

/** IDs in the order LiveKit walks and lists them. */
export const byId = (ids: readonly string[]) => [...ids].sort();

/**
 * A conformance test of something only the emulator has (out-of-band store access, its own limits,
 * a known difference): it does not run in the differential project.
 */
export const itEmulatorOnly: jest.It = isDifferential() ? it.skip : it;
