import type { ResourceType } from "../../resources";

// What the offline evaluation hands a program as a resource's ID, so that an ID flowing into another
// resource (a rule's trunkIds) can be traced back to the resource it came from.
const prefix = "livekit-sip-offline:";

export interface ResourceRef {
  type: ResourceType;
  name: string;
}

export const refFor = (type: ResourceType, name: string): string => `${prefix}${type}/${name}`;

export function parseRef(value: unknown): ResourceRef | undefined {
  if (typeof value !== "string" || !value.startsWith(prefix)) return undefined;
  const rest = value.slice(prefix.length);
  const slash = rest.indexOf("/");
  return { type: rest.slice(0, slash) as ResourceType, name: rest.slice(slash + 1) };
}
