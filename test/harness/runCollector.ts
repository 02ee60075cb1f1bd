import type { Deployment } from "./deployment";
import type { ResourceState } from "./engineTypes";
import type { createLimiter } from "./limiter";
import type { TapHandlers } from "./monitorTap";
import type { Registration } from "./registration";
import { stepRegistration } from "./resourceSteps";
import { Props, withSecrets } from "./wireValues";

const STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * What a failed or skipped registration hands the program. Rejecting instead would be closer to the CLI, but the
 * SDK turns registration errors into deliberate unhandled rejections, which fail the jest test from outside reach;
 * the engine raises the recorded error from run() instead, and issues no further steps.
 */
const SKIPPED = { id: undefined, state: {} };

/** Steps each registration of one up/preview and collects the new state, replaced resources and stack outputs. */
export class RunCollector implements TapHandlers {
  readonly next = new Map<string, ResourceState>();
  readonly replaced: ResourceState[] = [];
  stackOutputs: { props: Props; secretKeys: string[] } | undefined;

  constructor(
    private readonly d: Deployment,
    private readonly old: ReadonlyMap<string, ResourceState>,
    private readonly limit: ReturnType<typeof createLimiter>,
  ) {}

  register = (reg: Registration) =>
    this.limit(async () => {
      if (this.d.stopped) {
        return SKIPPED;
      }
      try {
        const outcome = await stepRegistration(this.d, reg, this.old.get(reg.urn));
        this.next.set(reg.urn, outcome.entry);
        if (outcome.replaced) {
          this.replaced.push(outcome.replaced);
        }
        return { id: outcome.id, state: withSecrets(outcome.entry.outputs, outcome.entry.secretOutputs) };
      } catch (err) {
        this.d.errors.push(err);
        return SKIPPED;
      }
    });

  registerOutputs = (urn: string, props: Props, secretKeys: string[]) => {
    const entry = this.next.get(urn);
    if (entry) {
      this.next.set(urn, { ...entry, outputs: props, secretOutputs: secretKeys });
    }
    if (entry?.type === STACK_TYPE) {
      this.stackOutputs = { props, secretKeys };
    }
  };

  /** Keeps old entries the failed operation did not reach, in their old order, then the new ones. */
  stateAfterFailure(): Map<string, ResourceState> {
    const merged = new Map<string, ResourceState>();
    for (const [urn, entry] of this.old) {
      const current = this.next.get(urn) ?? (this.d.deleted.has(urn) ? undefined : entry);
      if (current) {
        merged.set(urn, current);
      }
    }
    for (const [urn, entry] of this.next) {
      merged.set(urn, entry);
    }
    return merged;
  }
}
