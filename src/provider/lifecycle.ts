import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ResourceDefinition, SchemaWire } from "../resources/definition";
import { checkInputs } from "./checkInputs";
import { Controls, listCommandFor, splitControls } from "../resources/controls";
import { describeFailure } from "./describeError";
import { inputsFrom, outputsFrom } from "./outputs";
import { changedFields, reviewIdentity } from "./changes";
import { assertNoLiveConflicts, previewConflicts } from "./liveConflicts";
import { Connection, createIdempotently, removeVerified, replaceVerified } from "./reliableWrites";

type Props = Record<string, unknown>;

/** Where a resource's warnings go: they are shown, and never fail anything. */
export type Warn = (definition: ResourceDefinition, controls: Controls, warning: string) => void;

/** The dynamic provider host has no engine connection; what it writes to stderr the CLI shows. */
export const consoleWarn: Warn = (definition, controls, warning) => console.warn(`warning: ${definition.type} "${controls.__resourceName ?? "?"}": ${warning}`);

/**
 * The one lifecycle every LiveKit resource goes through. What differs per resource (fields,
 * validation, which API methods to call) comes from its definition.
 */
export function lifecycle(
  definition: ResourceDefinition,
  connect: () => Connection,
  report: Warn = consoleWarn,
): Required<Omit<dynamic.ResourceProvider, "configure">> {
  const api = () => connect().api;
  const fail = (controls: Controls, action: string, error: unknown): never => {
    throw describeFailure(definition, controls.__resourceName, action, error);
  };
  const warn = (controls: Controls, warning: string) => report(definition, controls, warning);

  /** How the deployment's ownership records name the resource. */
  const ownerOf = (controls: Controls) => `${definition.type} "${controls.__resourceName ?? "?"}"`;

  const live = async (controls: Controls, id: string, sent?: Props) => {
    const wire = await definition.livekit.get(api(), id);
    return wire === undefined ? undefined : outputsFrom(definition, wire, controls, sent);
  };

  return {
    async check(olds: Props, news: Props) {
      const checked = checkInputs(definition, news);
      if (checked.failures.length > 0) return { failures: checked.failures };
      const { controls, args } = splitControls(checked.inputs!);
      for (const warning of checked.warnings) warn(controls, warning);
      // A create (no old inputs) meets what LiveKit holds here, so preview fails on it; an update
      // is compared in `diff`, which knows the object's ID.
      if (Object.keys(olds ?? {}).length === 0) {
        const failures = await previewConflicts(definition, connect, args, controls.adoptId, (w) => warn(controls, w));
        if (failures.length > 0) return { failures };
      }
      return { inputs: checked.inputs };
    },

    async diff(id: string, olds: Props, news: Props) {
      const previous = splitControls(olds).args;
      const { controls, args: next } = splitControls(news);
      // Trunks and rules change in place, so trunk IDs that rules refer to stay stable and no call
      // is dropped. Only what a definition says cannot change in place (a phone number's number)
      // is replaced, new one first: a failed create then leaves the old object untouched.
      const identity = reviewIdentity(definition, previous, next);
      for (const warning of identity.warnings) warn(controls, warning);
      const changed = changedFields(definition, previous, next);
      const changes = identity.replaces.length > 0 || changed.length > 0;
      // Only a change of what LiveKit keys conflicts on (trunks, numbers, pin) can make a new one.
      const keyed: readonly string[] = definition.conflicts?.reads ?? [];
      const rekeyed = changed.some((field) => keyed.includes(field));
      if (rekeyed && identity.replaces.length === 0) {
        const failures = await previewConflicts(definition, connect, next, id, (w) => warn(controls, w));
        if (failures.length > 0) throw new Error(`${definition.type} "${controls.__resourceName ?? "?"}": ${failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
      }
      return { changes, replaces: identity.replaces, deleteBeforeReplace: false };
    },

    async create(inputs: Props) {
      const { controls, args } = splitControls(inputs);
      const wire = definition.schema.toWire(args);
      try {
        if (controls.adoptId) return await adopt(controls, controls.adoptId, args, wire);
        await assertNoLiveConflicts(definition, api(), connect().known, args);
        const created = outputsFrom(definition, await createIdempotently(definition, connect(), args, wire, ownerOf(controls)), controls, args);
        return { id: created.id, outs: created.outputs };
      } catch (e) {
        return fail(controls, "create", e);
      }
    },

    async read(id: string, props: Props) {
      const { controls } = splitControls(props ?? {});
      try {
        const current = await live(controls, id, props);
        if (!current) return {};
        connect().owners.claim(current.id, ownerOf(controls));
        return { id: current.id, props: current.outputs, inputs: inputsFrom(definition, current.outputs) };
      } catch (e) {
        return fail(controls, "read", e);
      }
    },

    async update(id: string, _olds: Props, news: Props) {
      const { controls, args } = splitControls(news);
      try {
        await assertNoLiveConflicts(definition, api(), connect().known, args, id);
        connect().owners.claim(id, ownerOf(controls));
        const replaced = await replaceVerified(definition, connect(), id, args, definition.schema.toWire(args));
        return { outs: outputsFrom(definition, replaced, controls, args).outputs };
      } catch (e) {
        return fail(controls, "update", e);
      }
    },

    async delete(id: string, props: Props) {
      const { controls } = splitControls(props ?? {});
      try {
        await removeVerified(definition, connect(), id);
        connect().owners.release(id);
      } catch (e) {
        fail(controls, "delete", e);
      }
    },
  };

  /** Takes over an object that already exists and brings it to the desired state in place. */
  async function adopt(controls: Controls, adoptId: string, args: Props, wire: SchemaWire) {
    const existing = await live(controls, adoptId, args);
    if (!existing) {
      throw new Error(
        `adoptId ${adoptId}: LiveKit has no ${definition.noun} with this ID. Remove adoptId to create a new one, or fix the ID (\`${listCommandFor(definition)}\`).`,
      );
    }
    const identity = reviewIdentity(definition, existing.outputs, args);
    if (identity.replaces.length > 0) {
      throw new Error(
        `adoptId ${adoptId}: the ${definition.noun} has a different ${identity.replaces.join(", ")} than the arguments, which cannot change in place. Fix adoptId, or the arguments.`,
      );
    }
    for (const warning of identity.warnings) warn(controls, warning);
    if (!connect().owners.claim(existing.id, ownerOf(controls))) {
      throw new Error(
        `adoptId ${adoptId}: ${connect().owners.holder(existing.id)} of this deployment already manages this ${definition.noun}; two resources cannot own one object. Give each its own adoptId.`,
      );
    }
    if (changedFields(definition, existing.outputs, args).length === 0) return { id: existing.id, outs: existing.outputs };
    await assertNoLiveConflicts(definition, api(), connect().known, args, adoptId);
    const adopted = outputsFrom(definition, await replaceVerified(definition, connect(), adoptId, args, wire), controls, args);
    return { id: adopted.id, outs: adopted.outputs };
  }
}
