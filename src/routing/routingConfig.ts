import { checkDesired, previewRejection } from "../tools/offline/checkDesired";
import type { DesiredResource } from "../tools/offline/desiredResource";
import { parseRef, type ResourceRef } from "../tools/offline/resourceRefs";
import { definitionOf, type ResourceType } from "../resources";
import type { RoutingConfig, RoutingOutboundTrunk, RoutingPhoneNumber, RoutingRule, RoutingTrunk } from "../callRouting";

/**
 * What a stack declares (our resource arguments) as the routing engine reads it: LiveKit's
 * protobuf JSON, with placeholder IDs where LiveKit has not assigned any yet.
 */

const idPrefixes: Partial<Record<ResourceType, string>> = { InboundTrunk: "trunk", OutboundTrunk: "outbound", DispatchRule: "rule", PhoneNumber: "number" };

/**
 * LiveKit's ID for each resource: the object it adopts, else `trunk:<resource name>` /
 * `rule:<resource name>`. Resource names are stable across revisions, so the diff pairs objects
 * that exist on neither side yet.
 */
function routingIds(resources: readonly DesiredResource[]): (type: ResourceType, name: string) => string {
  const adopted = new Map(resources.filter((r) => r.adoptId !== undefined).map((r) => [`${r.type}:${r.name}`, r.adoptId!]));
  return (type, name) => adopted.get(`${type}:${name}`) ?? `${idPrefixes[type] ?? type}:${name}`;
}

/**
 * The arguments with each ID output they take (a reference, offline) replaced: trunk IDs in a
 * rule, a rule's ID in a phone number.
 */
function withIdRefs(args: Record<string, unknown>, replace: (ref: ResourceRef) => string): Record<string, unknown> {
  const { trunkIds, sipDispatchRuleId } = args;
  return {
    ...args,
    ...(Array.isArray(trunkIds) ? { trunkIds: trunkIds.map((id) => mapRef(id, replace)) } : {}),
    ...(sipDispatchRuleId === undefined ? {} : { sipDispatchRuleId: mapRef(sipDispatchRuleId, replace) }),
  };
}

const mapRef = (id: unknown, replace: (ref: ResourceRef) => string) => {
  const ref = parseRef(id);
  return ref === undefined ? id : replace(ref);
};

type RoutingIds = ReturnType<typeof routingIds>;

/** Checked arguments in LiveKit's form. */
function wireOf(resource: DesiredResource, ids: RoutingIds): Record<string, unknown> {
  const args = withIdRefs(resource.args, (ref) => ids(ref.type, ref.name));
  return definitionOf(resource.type).schema.toWire(args);
}

/**
 * A phone number as LiveKit would list it. A number a search will find is not known offline; its
 * placeholder (`number:<resource name>`) stands in for it.
 */
function livekitNumberOf(resource: DesiredResource, ids: RoutingIds, id: string): RoutingPhoneNumber {
  const { phoneNumber, sipDispatchRuleId } = wireOf(resource, ids) as { phoneNumber?: string; sipDispatchRuleId?: string };
  const adoptedNumber = resource.adoptId?.startsWith("+") ? resource.adoptId : undefined;
  return { id, e164Format: phoneNumber ?? adoptedNumber ?? id, sipDispatchRuleIds: sipDispatchRuleId ? [sipDispatchRuleId] : [] };
}

/**
 * What resources declare, as the routing engine reads it, after the provider's own check (the one
 * `pulumi preview` runs, see offline/checkDesired.ts): arguments it would reject throw, every
 * problem listed. Inbound trunks, dispatch rules and phone numbers route calls; outbound trunks
 * are there for the diff.
 */
export function routingConfigOf(resources: readonly DesiredResource[]): RoutingConfig {
  const checked = checkDesired(resources);
  if (checked.failures.length > 0) throw previewRejection("the resources", checked.failures);
  return routingConfigOfChecked(checked.resources);
}

/** The same for resources `checkDesired` has passed and normalised (loadDesiredState's). */
export function routingConfigOfChecked(resources: readonly DesiredResource[]): RoutingConfig {
  const ids = routingIds(resources);
  const trunks: RoutingTrunk[] = [];
  const rules: RoutingRule[] = [];
  const livekitNumbers: RoutingPhoneNumber[] = [];
  const outboundTrunks: RoutingOutboundTrunk[] = [];
  for (const resource of resources) {
    const sipId = ids(resource.type, resource.name);
    if (resource.type === "InboundTrunk") trunks.push({ ...wireOf(resource, ids), sipTrunkId: sipId });
    if (resource.type === "DispatchRule") rules.push({ ...wireOf(resource, ids), sipDispatchRuleId: sipId });
    if (resource.type === "PhoneNumber") livekitNumbers.push(livekitNumberOf(resource, ids, sipId));
    if (resource.type === "OutboundTrunk") outboundTrunks.push({ ...wireOf(resource, ids), sipTrunkId: sipId });
  }
  return { trunks, rules, ...(livekitNumbers.length > 0 ? { livekitNumbers } : {}), ...(outboundTrunks.length > 0 ? { outboundTrunks } : {}) };
}
