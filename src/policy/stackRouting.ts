import type { RoutingRule, RoutingTrunk } from "../callRouting/index";
import { ruleVariant } from "./ruleArgs";
import type { Kind } from "./resourceTypes";
import type { StackResource } from "./policy";
import { flag, isUnknown, strings, text, UnknownValue, valueAt, type Plain } from "./values";

/**
 * A stack's inbound routing for the routing engine (src/callRouting), built from the resources'
 * properties. Each trunk and rule is identified by its URN, not its LiveKit ID: during preview a new
 * trunk has no ID yet and a rule's `trunkIds` holds unknowns, so references are resolved through
 * the IDs known so far and through Pulumi's property dependencies (a rule whose `trunkIds` was built
 * from `trunk.sipTrunkId` depends on that trunk), which the engine knows before any ID exists.
 */

export interface RoutedObject<R> {
  readonly resource: StackResource;
  /** The object in the routing engine's form, its ID the resource's URN. */
  readonly routing: R;
  /** Fields whose value is unknown (preview), by name; the routing object leaves them out. */
  readonly unknown: ReadonlyMap<string, UnknownValue>;
}

export interface RoutedPhoneNumber {
  readonly resource: StackResource;
  /** The number, when known (a number bought by search has none until `up`). */
  readonly number?: string;
  /** URNs of the stack's rules it sends calls to, and IDs of rules outside the stack. */
  readonly ruleRefs: readonly string[];
  readonly unknown: ReadonlyMap<string, UnknownValue>;
}

export interface StackRouting {
  readonly trunks: readonly RoutedObject<RoutingTrunk>[];
  readonly rules: readonly RoutedObject<RoutingRule>[];
  readonly phoneNumbers: readonly RoutedPhoneNumber[];
  /** Our resources by URN, to name them in messages. */
  readonly byUrn: ReadonlyMap<string, StackResource>;
}

const ID_FIELDS: Partial<Record<Kind, string>> = { InboundTrunk: "sipTrunkId", DispatchRule: "sipDispatchRuleId" };

/** LiveKit ID → URN, for the resources whose ID is known (after `up`, or unchanged in preview). */
function idIndex(resources: readonly StackResource[], kind: Kind): Map<string, string> {
  const field = ID_FIELDS[kind] as string;
  const index = new Map<string, string>();
  for (const r of resources) {
    if (r.kind !== kind) continue;
    const id = text(r.props[field]);
    if (typeof id === "string" && id !== "") index.set(id, r.urn);
  }
  return index;
}

/**
 * The resources a list of IDs names: known IDs of the stack's resources become their URNs, other
 * known IDs stay (objects managed elsewhere), and the resources the property was computed from
 * are added, which covers IDs unknown in preview. Unknown IDs with no such resource stay unknown.
 */
function resolveRefs(value: Plain | undefined, deps: readonly string[], ids: Map<string, string>, urns: Set<string>): string[] | UnknownValue {
  const fromDeps = deps.filter((urn) => urns.has(urn));
  const items: Plain[] = isUnknown(value) ? [value] : Array.isArray(value) ? value : typeof value === "string" && value !== "" ? [value] : [];
  const unknown = items.find(isUnknown);
  if (unknown !== undefined && fromDeps.length === 0) return unknown;
  const named = items.filter((item): item is string => typeof item === "string").map((id) => ids.get(id) ?? id);
  return [...new Set([...named, ...(items.length > 0 ? fromDeps : [])])];
}

/** Reads a field into `into`, or records it as unknown. */
function take<T>(unknown: Map<string, UnknownValue>, field: string, value: T | UnknownValue, into: Record<string, unknown>, key = field): void {
  if (isUnknown(value)) unknown.set(field, value);
  else into[key] = value;
}

export function stackRouting(resources: readonly StackResource[]): StackRouting {
  const trunkIds = idIndex(resources, "InboundTrunk");
  const ruleIds = idIndex(resources, "DispatchRule");
  const trunkUrns = new Set(resources.filter((r) => r.kind === "InboundTrunk").map((r) => r.urn));
  const ruleUrns = new Set(resources.filter((r) => r.kind === "DispatchRule").map((r) => r.urn));

  const trunks = resources
    .filter((r) => r.kind === "InboundTrunk")
    .map((resource): RoutedObject<RoutingTrunk> => {
      const unknown = new Map<string, UnknownValue>();
      const routing: Record<string, unknown> = { sipTrunkId: resource.urn, name: resource.name };
      for (const field of ["numbers", "allowedAddresses", "allowedNumbers"]) take(unknown, field, strings(resource.props[field]), routing);
      take(unknown, "krispEnabled", flag(resource.props.krispEnabled), routing);
      return { resource, routing: routing as RoutingTrunk, unknown };
    });

  const rules = resources
    .filter((r) => r.kind === "DispatchRule")
    .map((resource): RoutedObject<RoutingRule> => {
      const unknown = new Map<string, UnknownValue>();
      const routing: Record<string, unknown> = { sipDispatchRuleId: resource.urn, name: resource.name };
      take(unknown, "trunkIds", resolveRefs(resource.props.trunkIds, resource.dependsOn.trunkIds ?? [], trunkIds, trunkUrns), routing);
      for (const field of ["numbers", "inboundNumbers"]) take(unknown, field, strings(resource.props[field]), routing);
      take(unknown, "krispEnabled", flag(resource.props.krispEnabled), routing);
      const variant = ruleVariant(resource.props.rule);
      if (variant !== undefined) take(unknown, "rule", variant, routing);
      return { resource, routing: routing as RoutingRule, unknown };
    });

  const phoneNumbers = resources
    .filter((r) => r.kind === "PhoneNumber")
    .map((resource): RoutedPhoneNumber => {
      const unknown = new Map<string, UnknownValue>();
      const refs = resolveRefs(valueAt(resource.props, "sipDispatchRuleId"), resource.dependsOn.sipDispatchRuleId ?? [], ruleIds, ruleUrns);
      if (isUnknown(refs)) unknown.set("sipDispatchRuleId", refs);
      const number = text(resource.props.phoneNumber);
      if (isUnknown(number)) unknown.set("phoneNumber", number);
      return { resource, ...(typeof number === "string" && number !== "" ? { number } : {}), ruleRefs: isUnknown(refs) ? [] : refs, unknown };
    });

  return { trunks, rules, phoneNumbers, byUrn: new Map(resources.map((r) => [r.urn, r])) };
}

/** The first unknown among the given fields of the given objects: a verdict that reads them must wait. */
export function firstUnknown(objects: readonly { unknown: ReadonlyMap<string, UnknownValue> }[], fields: readonly string[]): UnknownValue | undefined {
  for (const object of objects) {
    for (const field of fields) {
      const value = object.unknown.get(field);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}
