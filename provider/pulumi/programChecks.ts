import * as pulumi from "@pulumi/pulumi";
import { ruleConflicts, trunkConflicts, type RuleShape, type TrunkShape } from "../stack/conflicts";

/**
 * Stack-wide checks for code-first programs. Each provider call sees one resource, so conflicts
 * between resources of the same program are found here, where the program declares them: a
 * resource's problems with the ones declared before it become one of its inputs, which its
 * `check` reports, failing `pulumi preview` with a message that names both resources. Trunks are
 * recognised by resource, so this works while their IDs are still unknown.
 */

interface Declared {
  name: string;
  resource: pulumi.Resource;
  kind: "trunk" | "rule";
  shape: pulumi.Output<TrunkShape | RuleShape>;
  krispEnabled: pulumi.Output<boolean | undefined>;
}

/** One list per program run (the root stack resource), so repeated runs in one process do not mix. */
const programs = new WeakMap<object, Declared[]>();
const outsideStack: Declared[] = [];

function declared(): Declared[] {
  const stack = pulumi.runtime.getStackResource();
  if (!stack) return outsideStack;
  let list = programs.get(stack);
  if (!list) programs.set(stack, (list = []));
  return list;
}

export interface Problem {
  property: string;
  reason: string;
}

export function trunkProblems(name: string, args: { numbers?: pulumi.Input<pulumi.Input<string>[]>; allowedNumbers?: pulumi.Input<pulumi.Input<string>[]> }): {
  problems: pulumi.Output<Problem[] | undefined>;
  register(resource: pulumi.Resource, krispEnabled: pulumi.Input<boolean> | undefined): void;
} {
  const shape = pulumi.all([args.numbers, args.allowedNumbers]).apply(([numbers, allowedNumbers]) => ({ name, numbers, allowedNumbers }));
  const earlier = declared().filter((d) => d.kind === "trunk");
  const problems = pulumi
    .all([...earlier.map((d) => d.shape as pulumi.Output<TrunkShape>), shape])
    .apply((shapes) => only(name, trunkConflicts(shapes)));
  return {
    problems,
    register: (resource, krispEnabled) => declared().push({ name, resource, kind: "trunk", shape, krispEnabled: pulumi.output(krispEnabled) }),
  };
}

export function ruleProblems(
  name: string,
  args: {
    rule?: pulumi.Input<{ pin?: pulumi.Input<string> }>;
    trunkIds?: pulumi.Input<pulumi.Input<string>[]>;
    inboundNumbers?: pulumi.Input<pulumi.Input<string>[]>;
    numbers?: pulumi.Input<pulumi.Input<string>[]>;
    krispEnabled?: pulumi.Input<boolean>;
  },
): { problems: pulumi.Output<Problem[] | undefined>; register(resource: pulumi.Resource): void } {
  const program = declared();
  const trunks = trunkReferences(args.trunkIds, program);
  const shape = pulumi
    .all([args.rule, args.inboundNumbers, args.numbers, trunks.refs])
    .apply(([rule, inboundNumbers, numbers, refs]) => ({ name, trunks: refs, pin: (rule as { pin?: string } | undefined)?.pin ?? "", inboundNumbers, numbers }));
  const earlier = program.filter((d) => d.kind === "rule");
  const problems = pulumi
    .all([...earlier.map((d) => d.shape as pulumi.Output<RuleShape>), shape])
    .apply((shapes) => only(name, ruleConflicts(shapes)));
  warnAboutTrunks(name, trunks, args.krispEnabled);
  return { problems, register: (resource) => program.push({ name, resource, kind: "rule", shape, krispEnabled: pulumi.output(args.krispEnabled) }) };
}

interface TrunkReferences {
  /** Comparable references: `"<name>"` for trunks of this program, otherwise the ID itself. */
  refs: pulumi.Output<string[]> | pulumi.Input<pulumi.Input<string>[]> | undefined;
  /** The trunks of this program the rule uses. */
  declared: Declared[];
  /** IDs given as plain strings: trunks this program does not manage. */
  external: string[];
}

/**
 * A rule names trunks by their `sipTrunkId` output, whose value is unknown until the trunk exists;
 * the output's resources tell which trunk it is.
 */
function trunkReferences(trunkIds: pulumi.Input<pulumi.Input<string>[]> | undefined, program: Declared[]): TrunkReferences {
  if (!Array.isArray(trunkIds)) return { refs: trunkIds, declared: [], external: [] };
  const result: TrunkReferences = { refs: undefined, declared: [], external: [] };
  const refs = trunkIds.map((id): pulumi.Input<string> => {
    if (typeof id === "string") {
      result.external.push(id);
      return id;
    }
    const resources = pulumi.Output.isInstance(id) ? [...((id as unknown as { resources?(): Set<pulumi.Resource> }).resources?.() ?? [])] : [];
    const trunk = program.find((d) => d.kind === "trunk" && resources.includes(d.resource));
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
  pulumi.all([krispEnabled, ...trunks.declared.map((t) => t.krispEnabled)]).apply(([ruleKrisp, ...trunkKrisp]) => {
    if (ruleKrisp === false && trunkKrisp.some((k) => k === true)) {
      pulumi.log.warn(
        `DispatchRule "${name}": krispEnabled is false, but a trunk it uses enables Krisp, and LiveKit turns Krisp on when either does; this rule cannot turn it off`,
      );
    }
  });
}

function only(name: string, problems: { name: string; property: string; reason: string }[]): Problem[] | undefined {
  const mine = problems.filter((p) => p.name === name).map(({ property, reason }) => ({ property, reason }));
  return mine.length > 0 ? mine : undefined;
}
