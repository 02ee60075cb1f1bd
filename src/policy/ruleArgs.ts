import type { RoutingRuleVariant } from "../callRouting/index";
import { isUnknown, text, type Plain, type PlainObject, type UnknownValue } from "./values";

/**
 * A dispatch rule's `rule`, as this package's argument (`{ type: "individual", roomPrefix, pin }`)
 * or in LiveKit's JSON form (`{ dispatchRuleIndividual: { … } }`), which a native provider may use.
 */

const VARIANTS = { direct: "dispatchRuleDirect", individual: "dispatchRuleIndividual", callee: "dispatchRuleCallee" } as const;
const FIELDS = { direct: ["roomName", "pin"], individual: ["roomPrefix", "pin", "noRandomness"], callee: ["roomPrefix", "pin", "randomize"] } as const;

/** The variant's own fields, and which form it came in; undefined when there is none. */
function variantFields(rule: Plain | undefined): { key: keyof typeof FIELDS; fields: PlainObject } | UnknownValue | undefined {
  if (isUnknown(rule)) return rule;
  if (rule === null || rule === undefined || typeof rule !== "object" || Array.isArray(rule)) return undefined;
  const object = rule as PlainObject;
  if (isUnknown(object.type)) return object.type;
  if (typeof object.type === "string" && object.type in VARIANTS) return { key: object.type as keyof typeof FIELDS, fields: object };
  for (const [key, wire] of Object.entries(VARIANTS) as [keyof typeof FIELDS, string][]) {
    const fields = object[wire];
    if (isUnknown(fields)) return fields;
    if (fields !== null && fields !== undefined && typeof fields === "object" && !Array.isArray(fields)) return { key, fields: fields as PlainObject };
  }
  return undefined;
}

/** The pin callers must enter; "" when none (or no variant). */
export function rulePin(rule: Plain | undefined): string | UnknownValue {
  const variant = variantFields(rule);
  if (variant === undefined) return "";
  if (isUnknown(variant)) return variant;
  return text(variant.fields.pin);
}

/**
 * The variant in the routing engine's form, with the fields known so far (an unknown pin only
 * changes a rule's rank among others, never which calls it can take).
 */
export function ruleVariant(rule: Plain | undefined): RoutingRuleVariant | UnknownValue | undefined {
  const variant = variantFields(rule);
  if (variant === undefined || isUnknown(variant)) return variant;
  const fields = Object.fromEntries(FIELDS[variant.key].flatMap((name) => {
    const value = variant.fields[name];
    return typeof value === "string" || typeof value === "boolean" ? [[name, value]] : [];
  }));
  return { [VARIANTS[variant.key]]: fields } as RoutingRuleVariant;
}
