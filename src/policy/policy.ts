import type { Kind } from "./resourceTypes";
import type { PlainObject, UnknownValue } from "./values";

/**
 * A telephony policy as pure data and functions: what it checks, how strict it is by default, what
 * it can be configured with, and its check over plain properties. `pulumiPolicy.ts` turns each into
 * an @pulumi/policy policy; unit tests call the checks directly.
 */

export type EnforcementLevel = "advisory" | "mandatory" | "disabled";

/** One violation: the message names the resource, what is wrong and the fix. */
export interface Finding {
  readonly message: string;
  /** The resource it is about; a resource policy's own resource when left out. */
  readonly urn?: string;
}

export interface Verdict {
  readonly findings: readonly Finding[];
  /**
   * A value unknown during preview that a verdict depends on. The policy then neither passes nor
   * fails the resource: Pulumi reports an advisory "can't run during preview", and the check runs
   * again with the value known during `pulumi up`, before the resource is created or updated.
   */
  readonly undetermined?: UnknownValue;
}

/** One of our resources as a check sees it. */
export interface CheckedResource {
  readonly kind: Kind;
  /** The Pulumi resource name (the last part of the URN). */
  readonly name: string;
  readonly urn: string;
  readonly props: PlainObject;
}

/** A resource of the stack, with which resources each of its properties was computed from. */
export interface StackResource extends CheckedResource {
  /** Property name → URNs of the resources whose outputs it was built from (Pulumi's propertyDependencies). */
  readonly dependsOn: Readonly<Record<string, readonly string[]>>;
}

/** One configuration property, as JSON Schema (what `pulumi policy` validates a config file against). */
export interface ConfigProperty {
  readonly type: "boolean" | "string";
  readonly enum?: readonly string[];
  readonly default: boolean | string;
  readonly description: string;
}

interface PolicyBase<C extends object> {
  /** Unique in the pack; the key in a `--policy-pack-config` file. */
  readonly name: string;
  readonly description: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly severity: "low" | "medium" | "high" | "critical";
  /** What to change, in general; each finding says it for its resource. */
  readonly remediationSteps: string;
  /** The settings a config file may give; `defaults` holds them all. */
  readonly config: { readonly properties: Readonly<Record<keyof C & string, ConfigProperty>>; readonly defaults: C };
}

/** Checks one resource of the listed kinds at a time. */
export interface ResourcePolicy<C extends object = object> extends PolicyBase<C> {
  readonly scope: "resource";
  readonly kinds: readonly Kind[];
  check(resource: CheckedResource, config: C): Verdict;
}

/** Checks the stack's LiveKit resources together (routing, which no single resource shows). */
export interface StackPolicy<C extends object = object> extends PolicyBase<C> {
  readonly scope: "stack";
  check(resources: readonly StackResource[], config: C): Verdict;
}

export type TelephonyPolicy = ResourcePolicy<object> | StackPolicy<object>;

export const PASS: Verdict = { findings: [] };

/** How messages name a resource: `InboundTrunk "main"`. */
export const label = (resource: Pick<CheckedResource, "kind" | "name">): string => `${resource.kind} "${resource.name}"`;

/** Builds a resource verdict from a three-valued outcome. */
export function verdictOf(violates: boolean | UnknownValue, message: () => string): Verdict {
  if (violates === true) return { findings: [{ message: message() }] };
  if (violates === false) return PASS;
  return { findings: [], undetermined: violates };
}
