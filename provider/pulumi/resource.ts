import * as pulumi from "@pulumi/pulumi";
import { ResourceType, definitionOf } from "../resources";
import { shims } from "./shim";

/**
 * The shared base of InboundTrunk, OutboundTrunk and DispatchRule: it seeds every output, keeps
 * secret fields secret in inputs as well as outputs, and sets the type token
 * `pulumi-nodejs:dynamic/livekit:<Type>`.
 */
/** What a resource type contributes to the stack-wide checks of its program (see programChecks.ts). */
export type StackChecks = (
  name: string,
  args: Record<string, any>,
) => { problems: pulumi.Output<unknown>; register?(resource: pulumi.Resource, krispEnabled?: pulumi.Input<boolean>): void };

export abstract class LiveKitResource extends pulumi.dynamic.Resource {
  protected constructor(type: ResourceType, name: string, args: object, opts?: pulumi.CustomResourceOptions, stackChecks?: StackChecks) {
    const definition = definitionOf(type);
    if (opts?.import !== undefined) {
      // The engine imports by reading the object through the provider's code, which a dynamic
      // resource only has in state once created: the read fails with an opaque host error.
      throw new Error(
        `${type} "${name}": the \`import\` resource option cannot work for Pulumi dynamic resources; set \`adoptId: ${JSON.stringify(String(opts.import))}\` in its arguments instead to take over the existing LiveKit object (docs/adoption.md)`,
      );
    }
    const secretKeys = Object.entries(definition.schema.fields)
      .filter(([, field]) => field.secret)
      .map(([key]) => key);
    const props: Record<string, unknown> = {};
    // Outputs exist only for properties present here, so every field is seeded (undefined is not sent).
    for (const key of [...Object.keys(definition.schema.fields), ...Object.keys(definition.outputs?.fields ?? {})]) props[key] = undefined;
    Object.assign(props, args);
    for (const key of secretKeys) if (props[key] !== undefined) props[key] = pulumi.secret(props[key] as pulumi.Input<string>);
    const checks = stackChecks?.(name, args as Record<string, any>);
    Object.assign(props, { __resourceName: name, __stackProblems: checks?.problems, [definition.idField]: undefined, createdAt: undefined, updatedAt: undefined });
    super(shims[type], name, props, pulumi.mergeOptions(opts, { additionalSecretOutputs: secretKeys }), "livekit", type);
    checks?.register?.(this, (args as { krispEnabled?: pulumi.Input<boolean> }).krispEnabled);
    // LiveKit's ID is the resource ID. Taken from `id`, it stays known while `pulumi preview` plans an
    // update (the engine keeps the ID; it cannot know the other outputs of a dynamic provider's
    // update), so rules that name a trunk being updated are not shown as changing too.
    Object.defineProperty(this, definition.idField, { value: this.id, enumerable: true, configurable: true, writable: false });
  }
}
