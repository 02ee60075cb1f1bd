import type { ResourceType } from "../../resources";

/** One property that differs, in comparable form (LiveKit's defaults filled in, sets sorted). */
export interface FieldDrift {
  /** `numbers`, `rule.pin`, `roomConfig.agents`. */
  path: string;
  stack: unknown;
  livekit: unknown;
}

export interface ManagedResource {
  type: ResourceType;
  /** The Pulumi resource name. */
  name: string;
}

export interface ChangedResource extends ManagedResource {
  id: string;
  fields: FieldDrift[];
}

export interface MissingResource extends ManagedResource {
  /** The ID it was expected under (adoptId or Pulumi state); absent when it was looked up by name. */
  id?: string;
  /** Looked up by name: how many live objects have it (several make the match ambiguous). */
  sameName?: number;
}

export interface UnmanagedObject {
  type: ResourceType;
  id: string;
  /** LiveKit's name of the object. */
  label: string;
}

/** How a stack's desired state and a live LiveKit project differ. */
export interface DriftReport {
  changed: ChangedResource[];
  /** Declared by the stack, not found in LiveKit (deleted, or never created). */
  missing: MissingResource[];
  /** In LiveKit, not declared by the stack. */
  unmanaged: UnmanagedObject[];
  inSync: (ManagedResource & { id: string })[];
}

export function hasDrift(report: DriftReport, options: { ignoreUnmanaged?: boolean } = {}): boolean {
  return report.changed.length > 0 || report.missing.length > 0 || (!options.ignoreUnmanaged && report.unmanaged.length > 0);
}
