import type { SipApi } from "../../client/sipApi";
import { readLiveProject, type ReadListener } from "../../resources/liveProject";
import type { DesiredResource } from "../offline/desiredResource";
import { detectDrift } from "./detectDrift";
import type { DriftReport } from "./driftReport";
import type { KnownIds } from "./matchResources";

/** Reads the live project and compares it with what a stack declares. */
export async function driftAgainstLive(desired: DesiredResource[], api: SipApi, options: { knownIds?: KnownIds; onRead?: ReadListener } = {}): Promise<DriftReport> {
  return detectDrift(desired, await readLiveProject(api, options.onRead), options.knownIds);
}

export { detectDrift };
export { hasDrift, type DriftReport, type FieldDrift } from "./driftReport";
export { renderDrift } from "./renderDrift";
export { readStateIds } from "./stateIds";
