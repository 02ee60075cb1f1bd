import * as pulumi from "@pulumi/pulumi";
import { ResourceType, definitionOf, dynamicTokenOf } from "..";
import { providerLoader } from "./providerLoader";

/**
 * Offline evaluation (review tools) runs programs under Pulumi's mocks, where an output the program
 * did not set can only be unknown. Each seeded output costs the runtime about fifteen promises, so
 * there those outputs are made on first read instead, unknown as the mocks would make them: a
 * program of 6,000 resources then holds 40% less memory while it runs (bench: scaling).
 */
let lazyUnsetOutputs = false;

/** Runs `run` with outputs the program did not set made on first read (see above). */
export async function withLazyUnsetOutputs<T>(run: () => Promise<T>): Promise<T> {
  const previous = lazyUnsetOutputs;
  lazyUnsetOutputs = true;
  try {
    return await run();
  } finally {
    lazyUnsetOutputs = previous;
  }
}

/** Outputs only LiveKit sets. */
const timestamps = ["createdAt", "updatedAt"];

/** What a resource type contributes to the stack-wide checks of its program (see programChecks.ts). */
export type StackChecks = (
  name: string,
  args: Record<string, unknown>,
) => { problems: pulumi.Input<unknown>; register?(resource: pulumi.Resource, krispEnabled?: pulumi.Input<boolean>): void };

/**
 * The shared base of InboundTrunk, OutboundTrunk and DispatchRule: it seeds every output, keeps
 * secret fields secret in inputs as well as outputs, and sets the type token
 * `pulumi-nodejs:dynamic/livekit:<Type>`. It is what `pulumi.dynamic.Resource` is (a custom
 * resource of that token carrying `__provider`), with our own small provider loader in place of a
 * serialized provider object.
 */
export abstract class LiveKitResource extends pulumi.CustomResource {
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
    // Outputs exist only for properties present here, so every field is seeded (undefined is not
    // sent), except those made on first read offline.
    const outputKeys = [...Object.keys(definition.schema.fields), ...Object.keys(definition.outputs?.fields ?? {})];
    const lazyKeys = lazyUnsetOutputs ? [...outputKeys.filter((key) => (args as Record<string, unknown>)[key] === undefined), ...timestamps] : [];
    for (const key of outputKeys) if (!lazyKeys.includes(key)) props[key] = undefined;
    Object.assign(props, args);
    for (const key of secretKeys) if (props[key] !== undefined) props[key] = pulumi.secret(props[key] as pulumi.Input<string>);
    const checks = stackChecks?.(name, args as Record<string, unknown>);
    // The ID output is `this.id` (below), and problems, mostly none, are an input only: neither needs
    // an output of its own.
    Object.assign(props, { __resourceName: name, ...(checks?.problems === undefined ? {} : { __stackProblems: checks.problems }) });
    delete props[definition.idField];
    for (const key of timestamps) {
      if (lazyKeys.includes(key)) delete props[key];
      else props[key] = undefined;
    }
    props.__provider = providerLoader(type);
    super(dynamicTokenOf(type), name, props, pulumi.mergeOptions(opts, { additionalSecretOutputs: secretKeys }));
    checks?.register?.(this, (args as { krispEnabled?: pulumi.Input<boolean> }).krispEnabled);
    // LiveKit's ID is the resource ID. Taken from `id`, it stays known while `pulumi preview` plans an
    // update (the engine keeps the ID; it cannot know the other outputs of a dynamic provider's
    // update), so rules that name a trunk being updated are not shown as changing too.
    Object.defineProperty(this, definition.idField, { value: this.id, enumerable: true, configurable: true, writable: false });
    for (const key of lazyKeys) {
      let output: pulumi.Output<unknown> | undefined;
      Object.defineProperty(this, key, { get: () => (output ??= this.urn.apply(() => pulumi.unknown as unknown)), enumerable: true, configurable: true });
    }
  }
}
