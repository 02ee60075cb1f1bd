import { Deployment, withOutputs } from "./deployment";
import type { Drift, ResourceState } from "./engineTypes";
import type { CheckFailure } from "./providerClient";
import type { Registration } from "./registration";
import { deepEqual, Props } from "./wireValues";

export const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic";

/** What the engine hands back to the program for one registration, and what it keeps. */
export interface StepOutcome {
  /** undefined for components, and for resources that a preview would create or replace (unknown id). */
  id: string | undefined;
  /** The state to keep; in preview, the projected state (never committed). */
  entry: ResourceState;
  /** An old resource replaced create-before-delete: deleted after the program finishes. */
  replaced?: ResourceState;
}

export class CheckFailedError extends Error {
  constructor(
    readonly urn: string,
    readonly failures: CheckFailure[],
  ) {
    super(`${urn}: check failed: ${failures.map((f) => `${f.property ? `${f.property}: ` : ""}${f.reason}`).join("; ")}`);
    this.name = "CheckFailedError";
  }
}

function newEntry(reg: Registration, id: string | undefined, inputs: Props, outputs: Props, external = false): ResourceState {
  const entry: ResourceState = {
    urn: reg.urn,
    type: reg.type,
    name: reg.name,
    parent: reg.parent,
    custom: reg.custom,
    ...(id !== undefined ? { id } : {}),
    inputs,
    outputs,
    dependencies: reg.dependencies,
    propertyDependencies: reg.propertyDependencies,
    secretInputs: reg.secretInputs,
    additionalSecretOutputs: reg.additionalSecretOutputs,
    secretOutputs: [],
    protect: reg.protect,
    retainOnDelete: reg.retainOnDelete,
    external,
  };
  return withOutputs(entry, outputs);
}

function assertRoutable(reg: Registration): void {
  if (!reg.type.startsWith(DYNAMIC_TYPE_PREFIX)) {
    throw new Error(`MiniEngine only runs dynamic resources (${DYNAMIC_TYPE_PREFIX}*); ${reg.urn} has type ${reg.type}`);
  }
  if (reg.provider) {
    throw new Error(`MiniEngine does not support explicit provider resources (${reg.urn} uses ${reg.provider})`);
  }
  if (reg.unsupported.length > 0) {
    throw new Error(`MiniEngine does not reproduce the resource option(s) ${reg.unsupported.join(", ")} (${reg.urn})`);
  }
}

async function check(d: Deployment, reg: Registration, olds: Props): Promise<Props> {
  const result = await d.rpc("check", reg, () => d.host.check(reg.urn, olds, reg.inputs));
  if (result.failures.length > 0) {
    throw new CheckFailedError(reg.urn, result.failures);
  }
  return result.inputs;
}

export async function deleteResource(d: Deployment, entry: ResourceState, reason: "replaced" | "removed" | "destroy" | "replace"): Promise<void> {
  if (!entry.custom || entry.external) {
    return;
  }
  if (entry.protect) {
    throw new Error(`unable to delete resource "${entry.urn}" as it is currently marked for protection`);
  }
  if (reason !== "replace" && reason !== "replaced") {
    d.change(entry, "delete");
  }
  if (!entry.retainOnDelete) {
    await d.rpc("delete", entry, () => d.host.delete(entry.urn, entry.id ?? "", entry.outputs, entry.inputs), reason);
  }
  d.deleted.add(entry.urn);
}

async function create(d: Deployment, reg: Registration, inputs: Props, reason?: "replace"): Promise<StepOutcome> {
  if (d.preview) {
    // The host does not support preview: the engine projects the checked inputs as outputs, with an unknown id.
    return { id: undefined, entry: newEntry(reg, undefined, inputs, inputs) };
  }
  const { id, outs } = await d.rpc("create", reg, () => d.host.create(reg.urn, inputs), reason);
  return { id, entry: newEntry(reg, id, inputs, outs) };
}

async function replace(d: Deployment, reg: Registration, old: ResourceState, deleteFirst: boolean): Promise<StepOutcome> {
  if (old.protect) {
    throw new Error(`unable to replace resource "${old.urn}" as it is currently marked for protection`);
  }
  // The replacement is a new resource, so the engine re-checks without the old inputs.
  const inputs = await check(d, reg, {});
  if (deleteFirst && !d.preview) {
    await deleteResource(d, old, "replace");
  }
  const created = await create(d, reg, inputs, "replace");
  return deleteFirst ? created : { ...created, replaced: old };
}

async function updateExisting(d: Deployment, reg: Registration, old: ResourceState): Promise<StepOutcome> {
  const inputs = await check(d, reg, old.inputs);
  const id = old.id ?? "";
  const diff = await d.rpc("diff", reg, () => d.host.diff(reg.urn, id, old.outputs, inputs, old.inputs));
  // DIFF_UNKNOWN (no diff() or changes left undefined): the engine compares old and new inputs, __provider included.
  const changed = diff.changes === "unknown" ? !deepEqual(old.inputs, inputs) : diff.changes === "some";
  const carried = newEntry(reg, id, inputs, old.outputs);
  if (!changed) {
    d.change(reg, "same");
    return { id, entry: carried };
  }
  if (diff.replaces.length > 0) {
    const deleteFirst = diff.deleteBeforeReplace || reg.deleteBeforeReplace;
    d.change(reg, "replace", { replaceKeys: diff.replaces, deleteBeforeReplace: deleteFirst, inputs });
    return replace(d, reg, old, deleteFirst);
  }
  d.change(reg, "update", { inputs });
  if (d.preview) {
    // Without preview support the engine projects the new inputs as the outputs of an update.
    return { id, entry: withOutputs(carried, inputs) };
  }
  const { outs } = await d.rpc("update", reg, () => d.host.update(reg.urn, id, old.outputs, inputs, old.inputs));
  return { id, entry: withOutputs(carried, outs) };
}

async function readExternal(d: Deployment, reg: Registration): Promise<StepOutcome> {
  const id = reg.id ?? "";
  const result = await d.rpc("read", reg, () => d.host.read(reg.urn, id, reg.inputs, reg.inputs));
  if (!result.id) {
    throw new Error(`${reg.urn}: resource '${id}' does not exist`);
  }
  d.change(reg, "read");
  return { id: result.id, entry: newEntry(reg, result.id, result.inputs ?? reg.inputs, result.props, true) };
}

/** The engine's step sequence for one registration: check, then create, or diff and update/replace/same. */
export async function stepRegistration(d: Deployment, reg: Registration, old: ResourceState | undefined): Promise<StepOutcome> {
  if (!reg.custom) {
    // Components have no provider: the engine records them and they report outputs via registerOutputs.
    return { id: undefined, entry: newEntry(reg, undefined, reg.inputs, old?.outputs ?? {}) };
  }
  assertRoutable(reg);
  if (reg.kind === "read") {
    return readExternal(d, reg);
  }
  if (!old || old.external) {
    const inputs = await check(d, reg, {});
    d.change(reg, "create", { inputs });
    return create(d, reg, inputs);
  }
  return updateExisting(d, reg, old);
}

/** Refresh of one resource: Read(id, old outputs, old inputs); an empty id means it is gone. */
export async function refreshResource(d: Deployment, entry: ResourceState): Promise<{ entry?: ResourceState; drift?: Drift }> {
  if (!entry.custom) {
    return { entry };
  }
  const result = await d.rpc("read", entry, () => d.host.read(entry.urn, entry.id ?? "", entry.outputs, entry.inputs));
  if (!result.id) {
    return { drift: { urn: entry.urn, type: entry.type, changed: [], deleted: true } };
  }
  const keys = new Set([...Object.keys(entry.outputs), ...Object.keys(result.props)]);
  keys.delete("__provider");
  const changed = [...keys].filter((key) => !deepEqual(entry.outputs[key], result.props[key]));
  const refreshed = withOutputs({ ...entry, id: result.id }, result.props, result.inputs ?? entry.inputs);
  return { entry: refreshed, ...(changed.length > 0 ? { drift: { urn: entry.urn, type: entry.type, changed, deleted: false } } : {}) };
}
