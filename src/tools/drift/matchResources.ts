import type { LiveObject, LiveProject } from "../../resources/liveProject";
import { definitions, type ResourceType, type SipResourceType } from "../../resources";
import type { DesiredResource } from "../offline/desiredResource";

/** Where a declared resource lives in LiveKit; `live` is absent when it is not there. */
export interface Match {
  desired: DesiredResource;
  /** The ID it must have (from Pulumi state or adoptId); absent when looked up by name. */
  expectedId?: string;
  live?: LiveObject;
  /** Looked up by name and not found: how many live objects share the name (0, or several). */
  sameName?: number;
}

/** `${type}/${name}` → LiveKit ID, e.g. from `pulumi stack export`. */
export type KnownIds = ReadonlyMap<string, string>;

export const knownIdKey = (type: ResourceType, name: string) => `${type}/${name}`;

const idOf = (type: SipResourceType, object: LiveObject) => String(object[definitions[type].idField]);

/**
 * Pairs declared resources with live objects: by the ID Pulumi state records, else by adoptId,
 * else by LiveKit name when exactly one unclaimed object of that kind has it (a stack that has
 * never run, or whose state was not given). Returns the pairs and the live objects nobody claims.
 * Only the kinds the live project holds are compared (phone numbers are not read yet).
 */
export function matchResources(declared: DesiredResource[], live: LiveProject, knownIds: KnownIds = new Map()) {
  const claimed = new Set<LiveObject>();
  const desired = declared.filter((r): r is DesiredResource & { type: SipResourceType } => r.type in live);
  const byId = (type: SipResourceType, id: string) => live[type].find((object) => idOf(type, object) === id);
  const matches: Match[] = desired.map((resource) => {
    const expectedId = knownIds.get(knownIdKey(resource.type, resource.name)) ?? resource.adoptId;
    const object = expectedId === undefined ? undefined : byId(resource.type, expectedId);
    if (object) claimed.add(object);
    return { desired: resource, expectedId, live: object };
  });
  for (const match of matches.filter((m) => m.expectedId === undefined)) {
    const { type, args } = match.desired as DesiredResource & { type: SipResourceType };
    const candidates = live[type].filter((object) => !claimed.has(object) && (object.name ?? "") === (args.name ?? ""));
    if (candidates.length === 1) {
      match.live = candidates[0];
      claimed.add(candidates[0]);
    } else {
      match.sameName = candidates.length;
    }
  }
  const unclaimed = (Object.keys(live) as SipResourceType[]).flatMap((type) =>
    live[type].filter((object) => !claimed.has(object)).map((object) => ({ type, id: idOf(type, object), object })),
  );
  return { matches, unclaimed };
}
