import type * as pulumi from "@pulumi/pulumi";
import type { UserControls } from "../controls";
import type { ResourceDefinition } from "../definition";

type InputValue<T> = T extends string | number | boolean
  ? T
  : T extends (infer U)[]
    ? pulumi.Input<InputValue<U>>[]
    : T extends object
      ? Inputs<T>
      : T;

/** Pulumi's convention: every property, at every depth, accepts a value or an Output of it. */
export type Inputs<T> = { [K in keyof T]: pulumi.Input<InputValue<T[K]>> };

/** Output properties as Pulumi codegen declares them: optional inputs may resolve to undefined. */
export type Outputs<T> = { readonly [K in keyof T]-?: pulumi.Output<undefined extends T[K] ? Exclude<T[K], undefined> | undefined : T[K]> };

/** Inputs resources of a kind accept besides LiveKit's fields, as the provider reads them (resources/controls.ts). */
export type ControlArgs<K extends ResourceDefinition["type"]> = Inputs<UserControls<K>>;

/** Outputs every resource has besides its arguments. */
export interface LiveKitTimestamps {
  /** When LiveKit created the object (RFC 3339), where the server reports it. */
  readonly createdAt: pulumi.Output<string | undefined>;
  /** When LiveKit last changed the object (RFC 3339), where the server reports it. */
  readonly updatedAt: pulumi.Output<string | undefined>;
}
