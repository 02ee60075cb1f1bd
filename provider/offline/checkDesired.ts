import { definitions } from "../resources";
import { checkArguments } from "../schema/validate";
import type { DesiredResource } from "./desiredResource";
import { parseRef } from "./resourceRefs";

/**
 * The provider's own check (`lifecycle.check`: the resource's schema, its cross-field rules and
 * warnings, and the program's stack-wide conflicts) run over what a source declares, so review
 * tools report exactly what `pulumi preview` and `pulumi up` report, and see the arguments as the
 * provider normalises them (codec spellings, numbers) rather than as written.
 */

export interface CheckedDesiredState {
  /** The resources with their arguments normalised as the provider would send them. */
  resources: DesiredResource[];
  /** `<Type> "<name>": <property>: <reason>`, every failure of every resource, in one pass. */
  failures: string[];
  /** `<Type> "<name>": <warning>`, as the provider logs them. */
  warnings: string[];
}

/** A trunk that another resource of the program will create stands where its ID goes: any valid ID checks the same. */
const PLACEHOLDER_TRUNK_ID = "ST_offlineReference";

function withPlaceholderIds(args: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(args.trunkIds)) return args;
  return { ...args, trunkIds: args.trunkIds.map((id) => (parseRef(id) ? PLACEHOLDER_TRUNK_ID : id)) };
}

export function checkDesired(desired: readonly DesiredResource[]): CheckedDesiredState {
  const failures: string[] = [];
  const warnings: string[] = [];
  const resources = desired.map((resource) => {
    const definition = definitions[resource.type];
    const subject = `${definition.type} "${resource.name}"`;
    const validation = checkArguments(definition, withPlaceholderIds(resource.args), { allowNonE164Numbers: resource.allowNonE164Numbers === true });
    for (const f of [...validation.failures, ...(resource.stackProblems ?? [])]) failures.push(`${subject}: ${f.property ? `${f.property}: ` : ""}${f.reason}`);
    for (const w of validation.warnings) warnings.push(`${subject}: ${w}`);
    if (validation.normalized === undefined) return resource;
    // References to the program's own trunks stay, so routing knows which trunk a rule means.
    const args = { ...resource.args, ...validation.normalized, ...(resource.args.trunkIds === undefined ? {} : { trunkIds: resource.args.trunkIds }) };
    return { ...resource, args };
  });
  return { resources, failures, warnings };
}
