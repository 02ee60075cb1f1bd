import { readFileSync } from "node:fs";
import { isRecord } from "../../schema/jsonTree";

/**
 * A program's `StackReference`s, offline. The engine reads another stack's outputs from the
 * backend; a review has no backend, so it takes them from files (`pulumi stack output --json`),
 * and names what stays unknown without them rather than letting it reach the checks as values.
 */

export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

/** Outputs of other stacks, by stack name as programs write it (`organization/platform/prod`); `*` for any other. */
export type StackOutputs = Record<string, Record<string, unknown>>;

export const ANY_STACK = "*";

/** A stack named fully (`org/project/stack`) or by its tail (`project/stack`) is the same stack. */
const sameStack = (a: string, b: string) => a === b || a.endsWith(`/${b}`) || b.endsWith(`/${a}`);

/** The outputs given for the stack a program references, if any. */
export function outputsOf(outputs: StackOutputs | undefined, stack: string): Record<string, unknown> | undefined {
  if (outputs === undefined) return undefined;
  const named = Object.keys(outputs).find((key) => key !== ANY_STACK && sameStack(key, stack));
  return named !== undefined ? outputs[named] : outputs[ANY_STACK];
}

/**
 * `[<stack>=]<file>` as `--stack-outputs` takes it: the JSON object `pulumi stack output --json`
 * prints, for that stack or (without a name) for every stack the program references.
 */
export function readStackOutputs(specs: readonly string[]): StackOutputs {
  const outputs: StackOutputs = {};
  for (const spec of specs) {
    const eq = spec.indexOf("=");
    const [stack, file] = eq < 0 ? [ANY_STACK, spec] : [spec.slice(0, eq), spec.slice(eq + 1)];
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new Error(`--stack-outputs ${spec}: ${(error as Error).message}; give the JSON that \`pulumi stack output --json\` prints`);
    }
    if (!isRecord(parsed)) throw new Error(`--stack-outputs ${spec}: ${file} holds no JSON object of outputs; give what \`pulumi stack output --json\` prints`);
    if (stack in outputs) throw new Error(`--stack-outputs: outputs of ${stack === ANY_STACK ? "every stack" : `stack ${stack}`} given twice`);
    outputs[stack] = parsed;
  }
  return outputs;
}

const isUnknown = (value: unknown) => isRecord(value) && value.__pulumiUnknown === true;

function holdsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(holdsUnknown);
  return isRecord(value) && Object.values(value).some(holdsUnknown);
}

/** The arguments whose values the evaluation could not know (what preview shows as `output<string>`). */
export const unknownFields = (args: Record<string, unknown>): string[] => Object.keys(args).filter((key) => holdsUnknown(args[key]));

export interface UnknownValues {
  /** `<Type> "<name>"` and the arguments not known. */
  resources: { subject: string; fields: string[] }[];
  /** Stacks the program references whose outputs were not given. */
  unresolvedStacks: string[];
}

/**
 * Why a review cannot go on: routing taken from values nobody knows offline would be made up. With
 * the references' outputs missing, says how to give them.
 */
export function unknownValuesError(source: string, unknown: UnknownValues): Error {
  const lines = unknown.resources.map(({ subject, fields }) => `  ${subject}: ${fields.join(", ")}`);
  const help =
    unknown.unresolvedStacks.length > 0
      ? unknown.unresolvedStacks
          .map(
            (stack) =>
              `The program reads the outputs of stack ${stack} (a StackReference). Give them with --stack-outputs ${stack}=<file>, ` +
              `the file written by \`pulumi stack output --json --stack ${stack}\`.`,
          )
          .join("\n")
      : "They come from resources other than LiveKit's (another provider's outputs), which an offline review cannot evaluate.";
  return new Error(`${source} declares values that are not known offline, so its routing cannot be shown:\n${lines.join("\n")}\n${help}`);
}
