import { dispatchRule } from "./dispatchRule/definition";
import { inboundTrunk } from "./inboundTrunk/definition";
import { outboundTrunk } from "./outboundTrunk/definition";
import { phoneNumber } from "./phoneNumber/definition";
import type { ResourceDefinition } from "./definition";

export const definitions = { InboundTrunk: inboundTrunk, OutboundTrunk: outboundTrunk, DispatchRule: dispatchRule, PhoneNumber: phoneNumber };

export type ResourceType = keyof typeof definitions;

/** The kinds of LiveKit's SIP service, which export, drift and TelephonyStack specs cover. */
export type SipResourceType = Exclude<ResourceType, "PhoneNumber">;

export const sipResourceTypes: readonly SipResourceType[] = ["InboundTrunk", "OutboundTrunk", "DispatchRule"];

export function definitionOf(type: ResourceType): ResourceDefinition {
  const definition: ResourceDefinition | undefined = definitions[type];
  if (!definition) throw new Error(`unknown LiveKit resource type "${type}"`);
  return definition;
}

/** How the engine names this package's dynamic resources: `pulumi.dynamic.Resource` with module `livekit`. */
const dynamicTokenPrefix = "pulumi-nodejs:dynamic/livekit:";

/** The type token of a resource type's dynamic resources. */
export const dynamicTokenOf = (type: ResourceType) => `${dynamicTokenPrefix}${type}`;

/** The resource type a dynamic resource's type token (in state, in mocks) names, or undefined for any other resource. */
export function typeOfDynamicToken(token: string | undefined): ResourceType | undefined {
  if (!token?.startsWith(dynamicTokenPrefix)) return undefined;
  const type = token.slice(dynamicTokenPrefix.length);
  return type in definitions ? (type as ResourceType) : undefined;
}
