import type { Failure, ResourceDefinition } from "../resources/definition";
import { boundedFailures } from "../schema/boundedFailures";
import { checkArguments } from "../resources/validate";
import { splitControls, validateControls } from "../resources/controls";

type Props = Record<string, unknown>;

export interface CheckedInputs {
  /** Every failure of the resource, controls, arguments and stack-wide conflicts, in one pass. */
  failures: Failure[];
  /** Given only when nothing fails, as `pulumi preview` shows warnings only for resources it accepts. */
  warnings: string[];
  /** The inputs with the arguments normalised (codec spellings, numbers), when nothing fails. */
  inputs?: Props;
}

/**
 * The provider's check of one resource's inputs: what `pulumi preview` reports for it. The
 * provider's `check` and the review tools (offline/checkDesired.ts) both call this, so they give
 * the same failures and warnings, worded the same.
 */
export function checkInputs(definition: ResourceDefinition, news: Props): CheckedInputs {
  const { controls, args } = splitControls(news);
  const validation = checkArguments(definition, args, controls);
  // The arguments' failures are bounded where they are found (checkArguments); bounding them again
  // would miscount what was left out.
  const failures = [...validateControls(definition, controls), ...validation.failures, ...boundedFailures(controls.__stackProblems ?? [])];
  if (failures.length > 0) return { failures, warnings: [] };
  return { failures, warnings: validation.warnings, inputs: validation.normalized ? { ...news, ...validation.normalized } : news };
}
