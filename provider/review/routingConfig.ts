import type { DesiredResource } from "../offline/desiredResource";
import { parseRef, type ResourceRef } from "../offline/resourceRefs";
import { definitionOf, type ResourceType } from "../resources";
import type { RoutingConfig, RoutingOutboundTrunk, RoutingPhoneNumber, RoutingRule, RoutingTrunk } from "../routing";
import { UNKNOWN } from "../schema/unknowns";
import { validate } from "../schema/validate";

/**
 * What a stack declares (our resource arguments) as the routing engine reads it: LiveKit's
 * protobuf JSON, with placeholder IDs where LiveKit has not assigned any yet.
 */

const idPrefixes: Partial<Record<ResourceType, string>> = { InboundTrunk: "trunk", OutboundTrunk: "outbound", DispatchRule: "rule", PhoneNumber: "number" };

/**
 * The object a resource adopts, else `trunk:<resource name>` / `rule:<resource name>`. Resource
 * names are stable across revisions, so the diff pairs objects that exist on neither side yet.
 */
function routingId(resources: readonly DesiredResource[], type: ResourceType, name: string): string {
  const adopted = resources.find((r) => r.type === type && r.name === name)?.adoptId;
  return adopted ?? `${idPrefixes[type] ?? type}:${name}`;
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

/** Arguments preview would reject have no LiveKit form to route with; say what is wrong instead. */
function wireOf(resource: DesiredResource, resources: readonly DesiredResource[]): Record<string, unknown> {
  const definition = definitionOf(resource.type);
  // Preview sees another resource's ID as unknown until that resource exists, and skips its checks.
  const failures = validate(definition, withIdRefs(resource.args, () => UNKNOWN));
  if (failures.length > 0) {
    const list = failures.map((f) => `  - ${f.property}: ${f.reason}`).join("\n");
    throw new Error(`${definition.noun} "${resource.name}" is invalid (pulumi preview would reject it):\n${list}`);
  }
  const args = withIdRefs(resource.args, (ref) => routingId(resources, ref.type, ref.name));
  return definition.schema.toWire(args as never) as Record<string, unknown>;
}

/**
 * A phone number as LiveKit would list it. A number a search will find is not known offline; its
 * placeholder (`number:<resource name>`) stands in for it.
 */
function livekitNumberOf(resource: DesiredResource, resources: readonly DesiredResource[], id: string): RoutingPhoneNumber {
  const { phoneNumber, sipDispatchRuleId } = wireOf(resource, resources) as { phoneNumber?: string; sipDispatchRuleId?: string };
  const adoptedNumber = resource.adoptId?.startsWith("+") ? resource.adoptId : undefined;
  return { id, e164Format: phoneNumber ?? adoptedNumber ?? id, sipDispatchRuleIds: sipDispatchRuleId ? [sipDispatchRuleId] : [] };
}

/** Inbound trunks, dispatch rules and phone numbers route calls; outbound trunks are there for the diff. */
export function routingConfigOf(resources: readonly DesiredResource[]): RoutingConfig {
  const trunks: RoutingTrunk[] = [];
  const rules: RoutingRule[] = [];
  const livekitNumbers: RoutingPhoneNumber[] = [];
  const outboundTrunks: RoutingOutboundTrunk[] = [];
  for (const resource of resources) {
    const sipId = routingId(resources, resource.type, resource.name);
    if (resource.type === "InboundTrunk") trunks.push({ ...wireOf(resource, resources), sipTrunkId: sipId });
    if (resource.type === "DispatchRule") rules.push({ ...wireOf(resource, resources), sipDispatchRuleId: sipId });
    if (resource.type === "PhoneNumber") livekitNumbers.push(livekitNumberOf(resource, resources, sipId));
    if (resource.type === "OutboundTrunk") outboundTrunks.push({ ...wireOf(resource, resources), sipTrunkId: sipId });
  }
  return { trunks, rules, ...(livekitNumbers.length > 0 ? { livekitNumbers } : {}), ...(outboundTrunks.length > 0 ? { outboundTrunks } : {}) };
}
