import { definitionOf, definitions } from "../resources";
import type { Failure } from "../resources/definition";
import { validate } from "../resources/validate";
import { splitUserControls, validateControls, type Controls } from "../resources/controls";
import { Section, sections, type TelephonySpec } from "./spec";

const logicalName = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/**
 * Every problem in a spec, each with its path from the spec root (`dispatchRules.sales.trunks[0]`).
 * Entries are checked by their resource's own schema, so a spec accepts exactly what the resource
 * classes accept.
 */
export function validateSpec(spec: unknown, availableSecrets?: ReadonlySet<string>): Failure[] {
  if (!isRecord(spec)) return [{ property: "", reason: "the spec must be an object with inboundTrunks, outboundTrunks and dispatchRules" }];
  const failures: Failure[] = [];
  for (const key of Object.keys(spec)) {
    if (!(key in sections)) failures.push({ property: key, reason: `unknown section "${key}"; valid sections are ${Object.keys(sections).join(", ")}` });
  }
  const trunkNames = new Set(isRecord(spec.inboundTrunks) ? Object.keys(spec.inboundTrunks) : []);
  for (const section of Object.keys(sections) as Section[]) {
    const entries = spec[section];
    if (entries === undefined) continue;
    if (!isRecord(entries)) {
      failures.push({ property: section, reason: "must be a map from logical name to settings" });
      continue;
    }
    for (const [name, entry] of Object.entries(entries)) {
      const at = (property: string) => `${section}.${name}${property ? `.${property}` : ""}`;
      if (!logicalName.test(name)) failures.push({ property: at(""), reason: "logical names use letters, digits, - and _" });
      if (!isRecord(entry)) {
        failures.push({ property: at(""), reason: "must be an object" });
        continue;
      }
      const { args, controls, problems } = entryArgs(section, entry, trunkNames, availableSecrets);
      failures.push(...problems.map((f) => ({ property: at(f.property), reason: f.reason })));
      failures.push(...validate(definitions[sections[section]], args, controls).map((f) => ({ property: at(f.property), reason: f.reason })));
    }
  }
  return failures.length > 0 ? failures : specConflicts(spec as TelephonySpec);
}

/**
 * Trunks and rules that LiveKit would refuse together, checked once every entry is valid, in the
 * shapes their definitions give them. A rule's `trunks` are compared by logical name, beside the
 * IDs in its `trunkIds`.
 */
function specConflicts(spec: TelephonySpec): Failure[] {
  const rules = Object.entries(spec.dispatchRules ?? {}).map(([name, { trunks = [], trunkIds = [], ...entry }]) => [name, { ...entry, trunkIds: [...trunks, ...trunkIds] }] as const);
  return [...conflictsIn("inboundTrunks", Object.entries(spec.inboundTrunks ?? {})), ...conflictsIn("dispatchRules", rules)];
}

function conflictsIn(section: Section, entries: (readonly [string, object])[]): Failure[] {
  const conflicts = definitionOf(sections[section]).conflicts!;
  const claims = conflicts.claims();
  return entries
    .flatMap(([name, args]) => claims.claim(conflicts.shape(args, name)))
    .map((p) => ({ property: `${section}.${p.name}.${p.property}`, reason: p.reason }));
}

/** The resource arguments an entry stands for, with spec-only properties checked and replaced. */
function entryArgs(
  section: Section,
  entry: Record<string, unknown>,
  trunkNames: ReadonlySet<string>,
  availableSecrets?: ReadonlySet<string>,
): { args: Record<string, unknown>; controls: Controls; problems: Failure[] } {
  const definition = definitionOf(sections[section]);
  const { controls, args: rest } = splitUserControls(definition.type, entry);
  const { trunks, authPassword, ...args } = rest;
  const problems: Failure[] = validateControls(definition, controls);
  if (section !== "dispatchRules" && authPassword !== undefined) {
    const key = isRecord(authPassword) && typeof authPassword.secret === "string" ? authPassword.secret : undefined;
    if (key === undefined) {
      problems.push({
        property: "authPassword",
        reason: "write { secret: <config key> } and store the password with `pulumi config set --secret <config key> <password>`; plain-text passwords are not accepted in a spec",
      });
    } else if (availableSecrets && !availableSecrets.has(key)) {
      problems.push({ property: "authPassword", reason: `refers to config key "${key}", which is not set: run \`pulumi config set --secret ${key} <password>\`` });
    }
    // The value itself is not known here; what the resource's own rules need is that it is set.
    args.authPassword = "(secret)";
  }
  if (section === "dispatchRules") {
    if (authPassword !== undefined) args.authPassword = authPassword;
    if (trunks !== undefined) {
      if (!Array.isArray(trunks)) problems.push({ property: "trunks", reason: "must be a list of inbound trunk names from inboundTrunks" });
      else
        trunks.forEach((t, i) => {
          if (!trunkNames.has(t as string)) {
            problems.push({
              property: `trunks[${i}]`,
              reason: `"${String(t)}" is not an inbound trunk of this spec${trunkNames.size ? ` (known: ${[...trunkNames].slice(0, 10).join(", ")}${trunkNames.size > 10 ? ", …" : ""})` : ""}; for a trunk managed elsewhere, put its ID in trunkIds`,
            });
          }
        });
    }
  } else if (trunks !== undefined) {
    args.trunks = trunks;
  }
  return { args, controls, problems };
}
