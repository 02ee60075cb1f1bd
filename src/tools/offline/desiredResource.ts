import type { ResourceType } from "../../resources";

/** A LiveKit resource as a program or spec declares it, before anything talks to LiveKit. */
export interface DesiredResource {
  type: ResourceType;
  /** The Pulumi resource name (TelephonyStack entries: `<stack name>-<logical name>`). */
  name: string;
  adoptId?: string;
  /**
   * The LiveKit fields as declared. Where a rule names a trunk of the same program by its output,
   * `trunkIds` holds a reference to that trunk (see `resourceRefs`), as its ID is not known offline.
   */
  args: Record<string, unknown>;
  /** Control arguments that change how the arguments are checked (as in the provider's check). */
  allowNonE164Numbers?: boolean;
  /** Conflicts with other resources of the program, found where it declares them (the provider's `__stackProblems`). */
  stackProblems?: { property: string; reason: string }[];
}
