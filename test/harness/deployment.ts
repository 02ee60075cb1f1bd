import type { ChangeKind, ResourceChange, ResourceState, Step, StepOp } from "./engineTypes";
import type { ProviderHost } from "./providerHost";
import type { Props } from "./wireValues";

interface Target {
  urn: string;
  type: string;
}

/** One engine operation (up, preview, refresh, destroy): its host, and the log of what it did. */
export class Deployment {
  readonly steps: Step[] = [];
  readonly changes: ResourceChange[] = [];
  /** Every failure, in order; the first one is what the operation rejects with. */
  readonly errors: unknown[] = [];
  /** URNs whose old resource was deleted during this operation (delete-before-replace, deletes). */
  readonly deleted = new Set<string>();

  constructor(
    readonly host: ProviderHost,
    readonly preview: boolean,
  ) {}

  /** Logs the RPC when it is issued, so the log shows the engine's order even if the call fails. */
  rpc<T>(op: StepOp, target: Target, call: () => Promise<T>, reason?: Step["reason"]): Promise<T> {
    this.steps.push({ op, urn: target.urn, type: target.type, ...(reason ? { reason } : {}) });
    return call();
  }

  change(target: Target, kind: ChangeKind, extra: Partial<ResourceChange> = {}): void {
    this.changes.push({ urn: target.urn, type: target.type, kind, ...extra });
  }

  /** After a failure the engine issues no new steps (no --continue-on-error). */
  get stopped(): boolean {
    return this.errors.length > 0;
  }
}

/** The engine's annotateSecrets rule: outputs named like a secret input, plus additionalSecretOutputs. */
export function secretOutputsOf(outputs: Props, secretInputs: readonly string[], additional: readonly string[]): string[] {
  return Object.keys(outputs).filter((key) => secretInputs.includes(key) || additional.includes(key));
}

export function withOutputs(entry: ResourceState, outputs: Props, inputs: Props = entry.inputs): ResourceState {
  return { ...entry, inputs, outputs, secretOutputs: secretOutputsOf(outputs, entry.secretInputs, entry.additionalSecretOutputs) };
}
