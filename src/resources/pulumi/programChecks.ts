import * as pulumi from "@pulumi/pulumi";
import type { Claims } from "../../livekit/conflictClaims";
import type { ResourceDefinition } from "../definition";
import { dispatchRule } from "../dispatchRule/definition";
import { inboundTrunk } from "../inboundTrunk/definition";

/**
 * Stack-wide checks for code-first programs. Each provider call sees one resource, so conflicts
 * between resources of the same program are found here, where the program declares them: a
 * resource's problems with the ones declared before it become one of its inputs, which its
 * `check` reports, failing `pulumi preview` with a message that names both resources. Trunks are
 * recognised by resource, so this works while their IDs are still unknown. Each kind's shape is its
 * definition's (`conflicts.shape`), as in the provider's pre-check and a spec's validation.
 */

type Conflicts = NonNullable<ResourceDefinition["conflicts"]>;
type Shape = ReturnType<Conflicts["shape"]>;

const trunkConflicts: Conflicts = inboundTrunk.conflicts!;
const ruleConflicts: Conflicts = dispatchRule.conflicts!;

/** An inbound trunk the program declared, found again when a rule refers to it. */
interface DeclaredTrunk {
  name: string;
  krispEnabled: pulumi.Input<boolean> | undefined;
}

/**
 * What one program run has declared. Resources claim their conflict keys one after another, in
 * declaration order, through a promise chain: each check costs its own keys, not the program's
 * size (an Output over every earlier resource made large programs quadratic in time and memory).
 */
interface Program {
  trunksByResource: Map<pulumi.Resource, DeclaredTrunk>;
  trunks: Claims<Shape>;
  rules: Claims<Shape>;
  /** Settles when every resource declared so far has claimed its keys. */
  tail: Promise<unknown>;
  /** Claims still waiting for a shape: while there are none, a known shape claims at once. */
  waiting: number;
}

/** One per program run (the root stack resource), so repeated runs in one process do not mix. */
const programs = new WeakMap<object, Program>();
let outsideStack: Program | undefined;

const newProgram = (): Program => ({ trunksByResource: new Map(), trunks: trunkConflicts.claims(), rules: ruleConflicts.claims(), tail: Promise.resolve(), waiting: 0 });

function program(): Program {
  const stack = pulumi.runtime.getStackResource();
  if (!stack) return (outsideStack ??= newProgram());
  let found = programs.get(stack);
  if (!found) programs.set(stack, (found = newProgram()));
  return found;
}

/**
 * The resource's problems with those declared before it, once its own shape resolves. A shape not
 * known yet (preview) claims nothing and reports nothing: LiveKit's own check and the pre-check
 * still see it at apply. Most programs give plain values: their shapes claim at once, without the
 * Outputs that would otherwise cost every resource of a large program a chain of promises.
 */
function claimInOrder<T extends Shape>(claims: Claims<T>, shape: Shaped<T>): pulumi.Input<Problem[] | undefined> {
  const current = program();
  const problemsOf = (known: T) => {
    const problems = claims.claim(known);
    return problems.length > 0 ? problems.map(({ property, reason }) => ({ property, reason })) : undefined;
  };
  if (shape.plain !== undefined && current.waiting === 0) return problemsOf(shape.plain);
  const output = shape.plain !== undefined ? pulumi.output(shape.plain) : shape.output;
  current.waiting++;
  const result = current.tail.then(async () => {
    const internals = output as unknown as { isKnown: Promise<boolean>; promise(): Promise<T> };
    if (!(await internals.isKnown)) return undefined;
    return problemsOf(await internals.promise());
  });
  current.tail = result.catch(() => undefined).finally(() => current.waiting--);
  return pulumi.output(result);
}

/** A shape from the resource's arguments: plain when they hold no Output or promise. */
type Shaped<T> = { plain: T; output?: undefined } | { plain?: undefined; output: pulumi.Output<T> };

const isPlain = (value: unknown): boolean =>
  value === null || typeof value !== "object"
    ? true
    : pulumi.Output.isInstance(value) || typeof (value as { then?: unknown }).then === "function"
      ? false
      : Object.values(value).every(isPlain);

function shaped<A extends unknown[], T>(inputs: [...A], build: (values: A) => T): Shaped<T> {
  if (inputs.every(isPlain)) return { plain: build(inputs as A) };
  return { output: pulumi.all(inputs as pulumi.Input<unknown>[]).apply((values) => build(values as unknown as A)) };
}

/** The kind's conflict shape, from the arguments it reads (only those are waited for). */
function shapeOf(conflicts: Conflicts, name: string, args: Record<string, unknown>): Shaped<Shape> {
  const { reads } = conflicts;
  return shaped(
    reads.map((key) => args[key]),
    (values) => conflicts.shape(Object.fromEntries(reads.map((key, i) => [key, values[i]])), name),
  );
}

export interface Problem {
  property: string;
  reason: string;
}

export function trunkProblems(name: string, args: Record<string, unknown>): {
  problems: pulumi.Input<Problem[] | undefined>;
  register(resource: pulumi.Resource, krispEnabled: pulumi.Input<boolean> | undefined): void;
} {
  const problems = claimInOrder(program().trunks, shapeOf(trunkConflicts, name, args));
  return {
    problems,
    register: (resource, krispEnabled) => program().trunksByResource.set(resource, { name, krispEnabled }),
  };
}

export function ruleProblems(
  name: string,
  args: Record<string, unknown> & { trunkIds?: pulumi.Input<pulumi.Input<string>[]>; krispEnabled?: pulumi.Input<boolean> },
): { problems: pulumi.Input<Problem[] | undefined> } {
  const trunks = trunkReferences(args.trunkIds, program().trunksByResource);
  // Trunks of this program are compared by resource, their IDs being unknown until they exist.
  const problems = claimInOrder(program().rules, shapeOf(ruleConflicts, name, { ...args, trunkIds: trunks.refs }));
  warnAboutTrunks(name, trunks, args.krispEnabled);
  return { problems };
}

interface TrunkReferences {
  /** Comparable references: `"<name>"` for trunks of this program, otherwise the ID itself. */
  refs: pulumi.Output<string[]> | pulumi.Input<pulumi.Input<string>[]> | undefined;
  /** The trunks of this program the rule uses. */
  declared: DeclaredTrunk[];
  /** IDs given as plain strings: trunks this program does not manage. */
  external: string[];
}

/**
 * A rule names trunks by their `sipTrunkId` output, whose value is unknown until the trunk exists;
 * the output's resources tell which trunk it is.
 */
function trunkReferences(trunkIds: pulumi.Input<pulumi.Input<string>[]> | undefined, trunksByResource: Map<pulumi.Resource, DeclaredTrunk>): TrunkReferences {
  if (!Array.isArray(trunkIds)) return { refs: trunkIds, declared: [], external: [] };
  const result: TrunkReferences = { refs: undefined, declared: [], external: [] };
  const refs = trunkIds.map((id): pulumi.Input<string> => {
    if (typeof id === "string") {
      result.external.push(id);
      return id;
    }
    const resources = pulumi.Output.isInstance(id) ? [...((id as unknown as { resources?(): Set<pulumi.Resource> }).resources?.() ?? [])] : [];
    const trunk = resources.map((r) => trunksByResource.get(r)).find((t) => t !== undefined);
    if (!trunk) return id;
    result.declared.push(trunk);
    return JSON.stringify(trunk.name);
  });
  result.refs = refs;
  return result;
}

function warnAboutTrunks(name: string, trunks: TrunkReferences, krispEnabled: pulumi.Input<boolean> | undefined): void {
  for (const id of trunks.external) {
    pulumi.log.warn(`DispatchRule "${name}": trunk ${id} is not managed by this program; conflicts with it are checked against LiveKit when applying`);
  }
  const warn = ([ruleKrisp, ...trunkKrisp]: unknown[]) => {
    if (ruleKrisp === false && trunkKrisp.some((k) => k === true)) {
      pulumi.log.warn(
        `DispatchRule "${name}": krispEnabled is false, but a trunk it uses enables Krisp, and LiveKit turns Krisp on when either does; this rule cannot turn it off`,
      );
    }
  };
  const inputs = [krispEnabled, ...trunks.declared.map((t) => t.krispEnabled)];
  if (inputs.every(isPlain)) warn(inputs);
  else pulumi.all(inputs).apply(warn);
}
