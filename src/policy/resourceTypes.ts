/**
 * The type tokens the engine reports for LiveKit's objects. A policy applies to both forms of the
 * package: this one's dynamic resources, and the native provider's resources, so an organisation
 * moving stacks from one to the other keeps its guardrails.
 */

export const KINDS = ["InboundTrunk", "OutboundTrunk", "DispatchRule", "PhoneNumber"] as const;
export type Kind = (typeof KINDS)[number];

/** What the engine reports for this package's dynamic resources (checked against a real preview). */
const DYNAMIC_PREFIX = "pulumi-nodejs:dynamic/livekit:";
/** The native provider's tokens: package `livekit`, module `index`. */
const NATIVE_PREFIX = "livekit:index:";

export const typeTokens = (kind: Kind): readonly string[] => [`${DYNAMIC_PREFIX}${kind}`, `${NATIVE_PREFIX}${kind}`];

const byToken = new Map<string, Kind>(KINDS.flatMap((kind) => typeTokens(kind).map((token) => [token, kind] as const)));

/** The kind of a resource type token, or undefined for every other resource. */
export const kindOf = (type: string): Kind | undefined => byToken.get(type);
