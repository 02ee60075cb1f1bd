import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";

/** The root prod stack's spec, loosely typed so that tests can edit any field. */
export type Spec = { inboundTrunks: Record<string, any>; dispatchRules: Record<string, any> };

export const PROD_STACK = join(__dirname, "..", "..", "..", "Pulumi.prod.yaml");
const SPEC_KEY = "livekit-telephony:telephony";

/** Pulumi.prod.yaml after `edit`, as a pull request would leave it, written to `dir`. */
export function editedProd(dir: string, name: string, edit: (spec: Spec) => void): string {
  const stack = parse(readFileSync(PROD_STACK, "utf8")) as { config: Record<string, unknown> };
  edit(stack.config[SPEC_KEY] as Spec);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, stringify(stack));
  return file;
}

export function withoutAuth(spec: Spec): void {
  delete spec.inboundTrunks.main.authUsername;
  delete spec.inboundTrunks.main.authPassword;
}
