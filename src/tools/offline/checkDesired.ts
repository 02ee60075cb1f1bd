import { definitions } from "../../resources";
import { checkInputs } from "../../provider/checkInputs";
import { splitControls, userControlsIn } from "../../resources/controls";
import type { DesiredResource } from "./desiredResource";
import { parseRef } from "./resourceRefs";

/**
 * The provider's own check (`checkInputs`, which `lifecycle.check` runs: controls, the resource's
 * schema, its cross-field rules and warnings, and the program's stack-wide conflicts) run over
 * what a source declares, so review tools report exactly what `pulumi preview` and `pulumi up`
 * report, and see the arguments as the provider normalises them (codec spellings, numbers) rather
 * than as written.
 */

export interface CheckedDesiredState {
  /** The resources with their arguments normalised as the provider would send them. */
  resources: DesiredResource[];
  /** `<Type> "<name>": <property>: <reason>`, every failure of every resource, in one pass. */
  failures: string[];
  /** `<Type> "<name>": <warning>`, as the provider logs them. */
  warnings: string[];
}

/**
 * A resource of the same program stands where its ID will be (a rule's `trunkIds`, a number's
 * `sipDispatchRuleId`): any valid ID of its kind checks the same, like an unknown ID in preview.
 */
const placeholderIds: Record<string, string> = {
  InboundTrunk: "ST_offlineReference",
  OutboundTrunk: "ST_offlineReference",
  DispatchRule: "SDR_offlineReference",
  PhoneNumber: "PN_offlineReference",
};

const placeholder = (value: unknown): unknown => {
  const ref = parseRef(value);
  return ref === undefined ? value : placeholderIds[ref.type];
};

const holdsRef = (value: unknown) => parseRef(value) !== undefined || (Array.isArray(value) && value.some((v) => parseRef(v) !== undefined));

/** The arguments with references replaced, and the fields that held one (to be restored after normalising). */
function withPlaceholderIds(args: Record<string, unknown>): { checkable: Record<string, unknown>; referencing: string[] } {
  const referencing = Object.keys(args).filter((key) => holdsRef(args[key]));
  const checkable = { ...args };
  for (const key of referencing) checkable[key] = Array.isArray(args[key]) ? (args[key] as unknown[]).map(placeholder) : placeholder(args[key]);
  return { checkable, referencing };
}

export function checkDesired(desired: readonly DesiredResource[]): CheckedDesiredState {
  const failures: string[] = [];
  const warnings: string[] = [];
  const resources = desired.map((resource) => {
    const definition = definitions[resource.type];
    const subject = `${definition.type} "${resource.name}"`;
    const { checkable, referencing } = withPlaceholderIds(resource.args);
    const controls = { ...userControlsIn(resource), __stackProblems: resource.stackProblems };
    const checked = checkInputs(definition, { ...checkable, ...Object.fromEntries(Object.entries(controls).filter(([, v]) => v !== undefined)) });
    for (const f of checked.failures) failures.push(`${subject}: ${f.property ? `${f.property}: ` : ""}${f.reason}`);
    for (const w of checked.warnings) warnings.push(`${subject}: ${w}`);
    if (checked.inputs === undefined) return resource;
    // References to the program's own resources stay, so routing knows which trunk or rule is meant.
    const args = splitControls(checked.inputs).args;
    for (const key of referencing) args[key] = resource.args[key];
    return { ...resource, args };
  });
  return { resources, failures, warnings };
}

/** Every failure of a check as one error, worded as the review tools report a source preview would reject. */
export function previewRejection(subject: string, failures: readonly string[]): Error {
  const count = failures.length === 1 ? "1 problem" : `${failures.length} problems`;
  return new Error(`${subject} would fail pulumi preview (${count}):\n${failures.join("\n")}`);
}
