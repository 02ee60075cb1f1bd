import type { ResourceType } from "../../resources";
import type { AnyUserControls } from "../../resources/controls";

/**
 * A LiveKit resource as a program or spec declares it, before anything talks to LiveKit, with the
 * control arguments the program set (`adoptId`, `allowNonE164Numbers`: resources/controls.ts).
 */
export interface DesiredResource extends AnyUserControls {
  type: ResourceType;
  /** The Pulumi resource name (TelephonyStack entries: `<stack name>-<logical name>`). */
  name: string;
  /**
   * The LiveKit fields as declared. Where a rule names a trunk of the same program by its output,
   * `trunkIds` holds a reference to that trunk (see `resourceRefs`), as its ID is not known offline.
   */
  args: Record<string, unknown>;
  /** Conflicts with other resources of the program, found where it declares them (the provider's `__stackProblems`). */
  stackProblems?: { property: string; reason: string }[];
}
