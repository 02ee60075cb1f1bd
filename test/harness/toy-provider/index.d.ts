// Types for the harness self-tests; the package itself is plain JS so it can be copied into a fixture as-is.
import * as pulumi from "@pulumi/pulumi";

export interface ToyArgs {
  name: pulumi.Input<string>;
  size?: pulumi.Input<number>;
  parentId?: pulumi.Input<string>;
  tags?: pulumi.Input<pulumi.Input<string>[]>;
  /** Makes a replacement delete-before-create. */
  exclusive?: pulumi.Input<boolean>;
  failOnCreate?: pulumi.Input<boolean>;
}

export declare class ToyResource extends pulumi.dynamic.Resource {
  constructor(name: string, args: ToyArgs, opts?: pulumi.CustomResourceOptions);
  readonly name: pulumi.Output<string>;
  readonly size: pulumi.Output<number | undefined>;
  readonly parentId: pulumi.Output<string | undefined>;
  readonly region: pulumi.Output<string>;
  readonly tokenFingerprint: pulumi.Output<string>;
  readonly secretValue: pulumi.Output<string>;
}

export declare class ToyGroup extends pulumi.ComponentResource {
  constructor(name: string, args: { prefix: string }, opts?: pulumi.ComponentResourceOptions);
  readonly first: ToyResource;
}

/** Fails inside the SDK on registration (its props collide with Resource's own `__name`). */
export declare class BrokenToy extends pulumi.dynamic.Resource {
  constructor(name: string);
}

export declare const provider: pulumi.dynamic.ResourceProvider;
