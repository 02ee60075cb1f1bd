import type { SipApi } from "../client/sipApi";
import { definitionOf, sipResourceTypes, type SipResourceType } from ".";
import type { LiveObject } from "./definition";

/** Every trunk and dispatch rule of a LiveKit project, as LiveKit's camelCase JSON with defaults. */
export type LiveProject = Record<SipResourceType, LiveObject[]>;

export type { LiveObject };

/** Reports each kind as it is read, so long reads can show progress. */
export type ReadListener = (type: SipResourceType, count: number) => void;

/**
 * Reads the whole project, one list call per kind. LiveKit answers a list without a page with every
 * item, sorted by ID, so the result does not depend on when or how often it is read.
 */
export async function readLiveProject(api: SipApi, onRead: ReadListener = () => {}): Promise<LiveProject> {
  const project = {} as LiveProject;
  for (const type of sipResourceTypes) {
    const items = await definitionOf(type).livekit.list(api);
    project[type] = items;
    onRead(type, items.length);
  }
  return project;
}
