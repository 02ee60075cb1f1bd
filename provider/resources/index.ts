import { dispatchRule } from "./dispatchRule";
import { inboundTrunk } from "./inboundTrunk";
import { outboundTrunk } from "./outboundTrunk";
import type { ResourceDefinition } from "./definition";

export const definitions = { InboundTrunk: inboundTrunk, OutboundTrunk: outboundTrunk, DispatchRule: dispatchRule };

export type ResourceType = keyof typeof definitions;

export function definitionOf(type: ResourceType): ResourceDefinition {
  const definition = definitions[type] as unknown as ResourceDefinition | undefined;
  if (!definition) throw new Error(`unknown LiveKit resource type "${type}"`);
  return definition;
}
