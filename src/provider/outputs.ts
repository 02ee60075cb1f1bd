import type { ResourceDefinition } from "../resources/definition";
import { storedControlNames, type Controls } from "../resources/controls";
import { withoutDefaults, type SchemaNode } from "../schema/withoutDefaults";

/** When LiveKit created and last changed an object, output where the server reports them. */
export const timestampOutputs = ["createdAt", "updatedAt"] as const;

export interface LiveObject {
  id: string;
  outputs: Record<string, unknown>;
}

/**
 * Outputs are what LiveKit reports, in the same shape as the arguments, plus LiveKit's ID,
 * timestamps and the definition's other outputs. A secret LiveKit reports as empty (servers may
 * redact it) keeps the value we sent, otherwise every later diff would try to set it again.
 */
export function outputsFrom(
  definition: ResourceDefinition,
  wire: Record<string, unknown>,
  controls: Controls,
  sent?: Record<string, unknown>,
): LiveObject {
  const id = String(wire[definition.idField] ?? "");
  const outputs: Record<string, unknown> = { ...(definition.outputs?.fromWire(wire) ?? {}), ...definition.schema.fromWire(wire) };
  for (const [key, field] of Object.entries(definition.schema.fields)) {
    if (field.secret && !outputs[key] && sent?.[key]) outputs[key] = sent[key];
  }
  outputs[definition.idField] = id;
  for (const stamp of timestampOutputs) {
    if (typeof wire[stamp] === "string") outputs[stamp] = wire[stamp];
  }
  for (const name of storedControlNames) if (name in controls) outputs[name] = controls[name];
  // The host converts outputs with Struct.fromJavaScript, which rejects undefined anywhere.
  return { id, outputs: JSON.parse(JSON.stringify(outputs)) };
}

/** The arguments that would reproduce a live object, for `pulumi refresh` to realign inputs. */
export function inputsFrom(definition: ResourceDefinition, outputs: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const key of [...Object.keys(definition.schema.fields), ...storedControlNames]) {
    if (outputs[key] !== undefined) inputs[key] = outputs[key];
  }
  return inputs;
}

/** The arguments a program declaring a live object would write: what `pulumi import` records as its inputs. */
export function declaredInputs(definition: ResourceDefinition, outputs: Record<string, unknown>): Record<string, unknown> {
  const live = Object.fromEntries(Object.keys(definition.schema.fields).filter((key) => outputs[key] !== undefined).map((key) => [key, outputs[key]]));
  return definition.declaredArgs ? (definition.declaredArgs(live) as Record<string, unknown>) : withoutDefaults(definition.schema.fields as Record<string, SchemaNode>, live);
}
