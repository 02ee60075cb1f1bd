import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { providerLoader } from "../../src/resources/pulumi/providerLoader";
import type { ResourceType } from "../../src/resources";
import { assertNoDifferences, differentialView, isDifferential, startDifferentialTarget, stopDifferentialTarget, type DifferentialTarget } from "../differential/target";
import { preparePackedProject } from "../harness/fixtureProject";
import { startProviderHost, type ProviderHost } from "../harness/providerHost";

export interface HostAndEmulator {
  emulator: RunningEmulator;
  host: ProviderHost;
  /** The `__provider` text a resource of the type stores. */
  providerText(type: ResourceType): Promise<string>;
  urn(type: ResourceType, name: string): string;
  close(): Promise<void>;
}

/**
 * The real provider host, running in a project where the packed package is installed as users
 * install it, configured through Configure to talk to a fresh emulator.
 */
export async function startHostAndEmulator(emulatorOptions: Parameters<typeof startEmulator>[0] = {}): Promise<HostAndEmulator> {
  let target: DifferentialTarget | undefined;
  let emulator: RunningEmulator;
  if (isDifferential()) {
    // The provider host talks to LiveKit's real server through the proxy; tests see the emulator beside it.
    target = await startDifferentialTarget(emulatorOptions);
    emulator = differentialView(target);
  } else {
    emulator = await startEmulator({ port: 0, ...emulatorOptions });
  }
  const project = await preparePackedProject();
  const host = await startProviderHost({ cwd: project.dir });
  await host.configure(
    { "livekit:url": emulator.url, "livekit:apiKey": emulator.apiKey, "livekit:apiSecret": emulator.apiSecret },
    ["livekit:apiSecret"],
  );
  return {
    emulator,
    host,
    providerText: async (type) => providerLoader(type),
    urn: (type, name) => `urn:pulumi:test::fixture-project::pulumi-nodejs:dynamic/livekit:${type}::${name}`,
    close: async () => {
      await host.close();
      if (!target) return emulator.close();
      try {
        assertNoDifferences(target);
      } finally {
        await stopDifferentialTarget(target);
      }
    },
  };
}
