import type { HostLogLine } from "./hostProcess";
import type { Props } from "./wireValues";

/** What identifies a resource, both in a registration and in state. */
export interface ResourceIdentity {
  urn: string;
  type: string;
  name: string;
  /** Parent URN; "" for the root stack. */
  parent: string;
  /** false for component resources (including the root stack), which have no provider and no id. */
  custom: boolean;
}

/** One resource in the MiniEngine's state (the engine's snapshot, minus its file format). */
export interface ResourceState extends ResourceIdentity {
  id?: string;
  /** Checked inputs, as the provider returned them from Check, `__provider` included. */
  inputs: Props;
  /** Provider outputs (`__provider` included); for components, what registerOutputs reported. */
  outputs: Props;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  /** Top-level input keys that the program sent as secrets. */
  secretInputs: string[];
  /** The resource option; the SDK sends it with the registration. */
  additionalSecretOutputs: string[];
  /** Output keys the engine would store and return as secrets (secret inputs echoed + additionalSecretOutputs). */
  secretOutputs: string[];
  protect: boolean;
  retainOnDelete: boolean;
  /** Read with `get` / `opts.id` rather than managed: never deleted, only dropped. */
  external: boolean;
}

export type EngineState = Record<string, ResourceState>;

/** A provider RPC the engine made; create, update and delete are the mutating ones. */
export type StepOp = "check" | "diff" | "create" | "update" | "delete" | "read";

export interface Step {
  op: StepOp;
  urn: string;
  type: string;
  /** Why a create or delete happened when it is not the plain create/delete of a resource. */
  reason?: "replace" | "replaced" | "removed" | "destroy";
}

export type ChangeKind = "create" | "same" | "update" | "replace" | "delete" | "read";

/** What happened (or, in preview, would happen) to one custom resource. */
export interface ResourceChange {
  urn: string;
  type: string;
  kind: ChangeKind;
  /** For replace: the properties the provider's diff listed in `replaces`. */
  replaceKeys?: string[];
  deleteBeforeReplace?: boolean;
  /** Checked inputs the step used (in preview they may hold UNKNOWN). */
  inputs?: Props;
}

export interface Drift {
  urn: string;
  type: string;
  /** Output keys whose values changed on read (`__provider` ignored). */
  changed: string[];
  /** Read returned an empty id: the resource is gone and was dropped from state. */
  deleted: boolean;
}

export interface DeploymentOptions {
  /** Stack config with namespaced keys ("livekit:url"); sent to the host's Configure and to the program. */
  config?: Record<string, string>;
  secretKeys?: string[];
  /** A MiniEngine holds one stack's state: these fix it on the first operation and must match afterwards. */
  project?: string;
  stack?: string;
}

export interface DeploymentResult {
  /** Provider RPCs made by this deployment, in the order they were issued. */
  steps: Step[];
  changes: ResourceChange[];
  hostLogs: HostLogLine[];
  hostPeakRssBytes?: number;
}

export interface RunResult extends DeploymentResult {
  /** The program's stack outputs (in preview, values not known yet are the UNKNOWN sentinel). */
  outputs: Props;
  /** Stack output keys that are secret. */
  secretOutputs: string[];
}

export interface RefreshResult extends DeploymentResult {
  drift: Drift[];
}

export type Program = () => unknown;
