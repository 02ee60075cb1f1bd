import { HostLogLine, spawnHostProcess } from "./hostProcess";
import { connectProviderClient, ProviderClient } from "./providerClient";
import { UNKNOWN } from "./wireValues";

export type { HostLogLine } from "./hostProcess";
export * from "./providerClient";

export interface ProviderHostOptions {
  /** The fixture project directory the engine would run the plugin in. */
  cwd: string;
  /** Project name for PULUMI_NODEJS_PROJECT / PULUMI_PROJECT (unqualified config keys are prefixed with it). */
  project?: string;
  /** Extra environment for the host process. */
  env?: NodeJS.ProcessEnv;
  /** Per-RPC deadline. */
  callTimeoutMs?: number;
}

export interface ProviderHost extends Omit<ProviderClient, "close"> {
  readonly pid: number;
  readonly port: number;
  /** The preview sentinel the engine substitutes for values not known yet. */
  readonly UNKNOWN: typeof UNKNOWN;
  /** Lines the host printed after its port line (provider console output, host error traces). */
  logs(): HostLogLine[];
  /** Peak resident set size of the host process (Linux VmHWM); last known value after close(). */
  peakRssBytes(): number | undefined;
  /** Closes the client, kills the host and waits for it to exit. Safe to call twice. */
  close(): Promise<void>;
}

/** Starts the real @pulumi/pulumi dynamic-provider host and connects a client to it. */
export async function startProviderHost(options: ProviderHostOptions): Promise<ProviderHost> {
  const proc = await spawnHostProcess({ cwd: options.cwd, project: options.project ?? "fixture-project", env: options.env });
  const client = connectProviderClient(proc.port, options.callTimeoutMs);
  let closing: Promise<void> | undefined;
  const { close: closeClient, ...calls } = client;
  return {
    ...calls,
    pid: proc.pid,
    port: proc.port,
    UNKNOWN,
    logs: proc.logs,
    peakRssBytes: proc.peakRssBytes,
    close() {
      closing ??= (async () => {
        closeClient();
        await proc.stop();
      })();
      return closing;
    },
  };
}
