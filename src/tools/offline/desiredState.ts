import { existsSync } from "node:fs";
import { join } from "node:path";
import { checkDesired, previewRejection } from "./checkDesired";
import type { DesiredResource } from "./desiredResource";
import { evaluateProgram } from "./evaluateProgram";
import { locateProgram, programModule } from "./loadProgram";
import { missingConfig, withSecretStandIns } from "./secretStandIns";
import { readSpecFile, specProgram } from "./specSource";
import { readStackConfig } from "./stackConfigFile";
import { unknownFields, unknownValuesError, type StackOutputs } from "./stackReferences";
import { typeCheckProgram } from "./typeCheck";

export interface DesiredStateOptions {
  /** Spec files: the config key holding the spec (default `telephony`). */
  key?: string;
  /** Programs: the stack whose `Pulumi.<stack>.yaml` config the program reads. */
  stack?: string;
  /** Programs: a config file to use instead of the stack's. */
  configFile?: string;
  /** The Pulumi project (config namespace), when there is no Pulumi.yaml to read it from. */
  project?: string;
  /** Programs: the outputs of the stacks the program's StackReferences read (see stackReferences.ts). */
  stackOutputs?: StackOutputs;
  /** Receives each warning the provider's check gives (`<Type> "<name>": …`), as `pulumi preview` shows them. */
  onWarning?: (warning: string) => void;
}

export const isSpecFile = (path: string) => /\.ya?ml$/i.test(path);

/**
 * What a stack declares, evaluated offline: a spec file (bare, or a `Pulumi.<stack>.yaml`) built
 * into a TelephonyStack as the root program does, or a TypeScript/JavaScript program run with
 * its stack config.
 */
export async function loadDesiredState(path: string, options: DesiredStateOptions = {}): Promise<DesiredResource[]> {
  const unresolvedStacks = new Set<string>();
  const declared = await evaluateSource(path, { ...options, onStackReference: (stack, resolved) => !resolved && unresolvedStacks.add(stack) });
  const unknown = declared.flatMap((r) => {
    const fields = unknownFields(r.args);
    return fields.length > 0 ? [{ subject: `${r.type} "${r.name}"`, fields }] : [];
  });
  if (unknown.length > 0) throw unknownValuesError(path, { resources: unknown, unresolvedStacks: [...unresolvedStacks].sort() });
  const checked = checkDesired(declared);
  if (checked.failures.length > 0) throw previewRejection(path, checked.failures);
  for (const warning of checked.warnings) options.onWarning?.(warning);
  return checked.resources;
}

type EvaluationHooks = DesiredStateOptions & { onStackReference?: (stack: string, resolved: boolean) => void };

async function evaluateSource(path: string, options: EvaluationHooks): Promise<DesiredResource[]> {
  if (isSpecFile(path)) {
    return evaluateProgram(specProgram(readSpecFile(path, options.key)), { project: options.project ?? "livekit-telephony", stack: "offline" });
  }
  const location = locateProgram(path);
  if (/\.[cm]?ts$/.test(location.main)) {
    const errors = typeCheckProgram(location.main);
    if (errors.length > 0) throw new Error(`${path} does not compile (${errors.length} error${errors.length === 1 ? "" : "s"}):\n${errors.join("\n")}`);
  }
  const project = options.project ?? location.project;
  if (!project) throw new Error(`no Pulumi.yaml above ${path} says the project name; pass --project`);
  const configFile = options.configFile ?? (options.stack && location.projectDir ? join(location.projectDir, `Pulumi.${options.stack}.yaml`) : undefined);
  if (configFile !== undefined && !existsSync(configFile)) throw new Error(`${configFile} does not exist`);
  const config = configFile ? readStackConfig(configFile, project) : { config: {}, secretKeys: [] };
  try {
    const { stackOutputs, onStackReference } = options;
    return await withSecretStandIns(config, (c) =>
      evaluateProgram(programModule(location.main), { project, stack: options.stack ?? "offline", ...c, stackOutputs, onStackReference }),
    );
  } catch (error) {
    if (configFile === undefined && missingConfig(error)) throw new Error(`${(error as Error).message}\nNo stack config was read: pass --stack <name> or --config-file <file>.`);
    if (options.stackOutputs && /Required output '.*' does not exist on stack/.test(String((error as Error)?.message))) {
      throw new Error(`${(error as Error).message}\nThe outputs given for it (--stack-outputs) lack this one: were they written from that stack, after its last \`pulumi up\`?`);
    }
    throw error;
  }
}
