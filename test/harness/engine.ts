import { deletionOrder } from "./deletionOrder";
import { Deployment } from "./deployment";
import type { DeploymentOptions, DeploymentResult, EngineState, Program, RefreshResult, ResourceState, RunResult, Step } from "./engineTypes";
import type { HostLogLine } from "./hostProcess";
import { createLimiter } from "./limiter";
import { evaluateProgram } from "./programRunner";
import { startProviderHost } from "./providerHost";
import { deleteResource, refreshResource } from "./resourceSteps";
import { RunCollector } from "./runCollector";
import { Props, UNKNOWN } from "./wireValues";

export * from "./engineTypes";
export { CheckFailedError } from "./resourceSteps";

export interface MiniEngineOptions {
  /** Fixture project directory (see preparePackedProject): the provider host's cwd. */
  cwd: string;
  /** Default: the first operation's `project`/`stack` option, else "fixture-project" / "dev". */
  project?: string;
  stack?: string;
  /** Extra environment for each provider host the engine starts. */
  hostEnv?: NodeJS.ProcessEnv;
  /** Resources stepped at once, like `pulumi up --parallel`; 1 makes the step log deterministic. Default: no cap. */
  parallel?: number;
  /** How long a program may take before run() gives up on it. Default 45 s, under jest's 60 s test timeout. */
  programTimeoutMs?: number;
}

/**
 * Replays the Pulumi engine's step sequence for whole programs, without the CLI: the program runs against
 * pulumi.runtime mocks and every dynamic resource is routed to a real provider host (one per operation, as the
 * CLI starts one per `pulumi up`). See test/harness/README.md for what it does not reproduce.
 */
export class MiniEngine {
  project: string;
  stack: string;
  /** Project and stack are fixed by the constructor or, failing that, by the first operation. */
  private identityFixed: boolean;
  private resources = new Map<string, ResourceState>();
  /** Old resources of create-before-delete replacements whose delete failed; retried by the next up/destroy. */
  private pendingDeletes: ResourceState[] = [];
  private readonly limit: ReturnType<typeof createLimiter>;
  /** Every provider RPC of every operation so far, including failed operations. */
  readonly steps: Step[] = [];
  /** Host output of the last operation (also when it failed). */
  hostLogs: HostLogLine[] = [];
  /** Every failure of the last operation, as the CLI lists them all; the operation rejects with the first. */
  lastErrors: unknown[] = [];

  constructor(private readonly options: MiniEngineOptions) {
    this.project = options.project ?? "fixture-project";
    this.stack = options.stack ?? "dev";
    this.identityFixed = options.project !== undefined || options.stack !== undefined;
    this.limit = createLimiter(options.parallel ?? Infinity);
  }

  /** A copy of the state, keyed by URN, in the order the engine would write it. */
  get state(): EngineState {
    return structuredClone(Object.fromEntries(this.resources));
  }

  /** Replaces the state, e.g. to start from an older state shape. */
  loadState(state: EngineState): void {
    this.resources = new Map(Object.entries(structuredClone(state)));
  }

  up(program: Program, options: DeploymentOptions = {}): Promise<RunResult> {
    return this.run(program, { ...options, preview: false });
  }

  preview(program: Program, options: DeploymentOptions = {}): Promise<RunResult> {
    return this.run(program, { ...options, preview: true });
  }

  async run(program: Program, options: DeploymentOptions & { preview?: boolean } = {}): Promise<RunResult> {
    const preview = options.preview === true;
    return this.withDeployment(options, preview, async (d) => {
      const run = new RunCollector(d, this.resources, this.limit);
      let programError: unknown;
      const settings = {
        project: this.project,
        stack: this.stack,
        preview,
        config: options.config ?? {},
        secretKeys: options.secretKeys ?? [],
        timeoutMs: this.options.programTimeoutMs ?? 45_000,
      };
      const returned = await evaluateProgram(program, settings, run).catch((err: unknown) => {
        programError = err;
      });
      const failure = d.errors[0] ?? programError;
      if (failure !== undefined) {
        if (!preview) {
          this.resources = run.stateAfterFailure();
          this.pendingDeletes.push(...run.replaced);
        }
        throw failure;
      }

      const removed = [...this.resources.values()].filter((entry) => !run.next.has(entry.urn));
      if (preview) {
        removed.filter((e) => e.custom && !e.external).forEach((e) => d.change(e, "delete"));
      } else {
        await this.deleteAll(d, [...this.pendingDeletes.splice(0), ...run.replaced], "replaced", run.next);
        this.resources = new Map([...run.next, ...removed.map((e) => [e.urn, e] as const)]);
        await this.deleteAll(d, removed, "removed", this.resources);
      }
      return {
        outputs: run.stackOutputs?.props ?? ((returned ?? {}) as Props),
        secretOutputs: run.stackOutputs?.secretKeys ?? [],
      };
    });
  }

  /** `pulumi refresh`: reads every resource, updates state, reports drift, drops resources that are gone. */
  async refresh(options: DeploymentOptions = {}): Promise<RefreshResult> {
    return this.withDeployment(options, false, async (d) => {
      const refreshed = await Promise.all([...this.resources.values()].map((entry) => this.limit(() => refreshResource(d, entry))));
      this.resources = new Map(refreshed.flatMap((r) => (r.entry ? [[r.entry.urn, r.entry] as const] : [])));
      return { drift: refreshed.flatMap((r) => (r.drift ? [r.drift] : [])) };
    });
  }

  /** `pulumi destroy`: deletes every resource, dependents first. */
  async destroy(options: DeploymentOptions = {}): Promise<DeploymentResult> {
    return this.withDeployment(options, false, async (d) => {
      const protectedUrns = [...this.resources.values()].filter((e) => e.protect).map((e) => e.urn);
      if (protectedUrns.length > 0) {
        throw new Error(`cannot destroy: protected resources ${protectedUrns.join(", ")}`);
      }
      await this.deleteAll(d, this.pendingDeletes.splice(0), "replaced", new Map());
      await this.deleteAll(d, [...this.resources.values()], "destroy", this.resources);
      return {};
    });
  }

  /** Deletes in dependency order, removing each entry from `from` as it goes, so a failure leaves the rest. */
  private async deleteAll(d: Deployment, entries: ResourceState[], reason: "replaced" | "removed" | "destroy", from: Map<string, ResourceState>) {
    const ordered = deletionOrder(entries);
    for (const [i, entry] of ordered.entries()) {
      try {
        await deleteResource(d, entry, reason);
      } catch (err) {
        if (reason === "replaced") {
          this.pendingDeletes.push(...ordered.slice(i));
        }
        throw err;
      }
      if (reason !== "replaced") {
        from.delete(entry.urn);
      }
    }
  }

  private checkIdentity(options: DeploymentOptions): void {
    if (!this.identityFixed) {
      this.project = options.project ?? this.project;
      this.stack = options.stack ?? this.stack;
      this.identityFixed = true;
    }
    for (const [key, value] of [["project", options.project] as const, ["stack", options.stack] as const]) {
      if (value !== undefined && value !== this[key]) {
        throw new Error(`this MiniEngine holds ${key} "${this[key]}", not "${value}": create another engine`);
      }
    }
  }

  /** Starts and configures a provider host for one operation, as the CLI does, and always stops it. */
  private async withDeployment<T extends object>(
    options: DeploymentOptions,
    preview: boolean,
    body: (d: Deployment) => Promise<T>,
  ): Promise<T & DeploymentResult> {
    this.checkIdentity(options);
    const host = await startProviderHost({ cwd: this.options.cwd, project: this.project, env: this.options.hostEnv });
    const d = new Deployment(host, preview);
    try {
      await host.configure(options.config ?? {}, options.secretKeys ?? []);
      const result = await body(d);
      return { ...result, steps: d.steps, changes: d.changes, hostLogs: host.logs(), hostPeakRssBytes: host.peakRssBytes() };
    } finally {
      this.steps.push(...d.steps);
      this.lastErrors = [...d.errors];
      this.hostLogs = host.logs();
      await host.close();
    }
  }
}

export { UNKNOWN };
