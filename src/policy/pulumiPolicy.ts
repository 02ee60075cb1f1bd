import type { PolicyConfigSchema, PolicyPackArgs, PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import type { ConfigProperty, ResourcePolicy, StackPolicy, TelephonyPolicy, Verdict } from "./policy";
import { kindOf } from "./resourceTypes";
import { plainProps } from "./values";

/**
 * The telephony policies as @pulumi/policy policies. Only types come from @pulumi/policy: the pack
 * that runs them (policy-pack/index.js) brings its own copy, so this package does not depend on it.
 */

export const POLICY_PACK_NAME = "livekit-telephony";

function configSchema(policy: TelephonyPolicy): PolicyConfigSchema | undefined {
  const properties: Readonly<Record<string, ConfigProperty>> = policy.config.properties;
  const entries = Object.entries(properties);
  if (entries.length === 0) return undefined;
  return {
    properties: Object.fromEntries(entries.map(([key, p]) => [key, { type: p.type, default: p.default, description: p.description, ...(p.enum ? { enum: [...p.enum] } : {}) }])),
  };
}

/** The policy's settings: its defaults, overridden by the `--policy-pack-config` file's. */
function settings<C extends object>(policy: { config: { defaults: C } }, given: object): C {
  return { ...policy.config.defaults, ...given };
}

/**
 * Reports the findings; then, if a value unknown in preview kept a verdict open, rethrows
 * @pulumi/policy's own error for it, which Pulumi reports as an advisory "can't run policy during
 * preview" (never a failure) and which the same check settles during `pulumi up`.
 */
function report(verdict: Verdict, reportViolation: (message: string, urn?: string) => void): void {
  for (const finding of verdict.findings) reportViolation(finding.message, finding.urn);
  if (verdict.undetermined?.cause !== undefined) throw verdict.undetermined.cause;
}

function common(policy: TelephonyPolicy) {
  const schema = configSchema(policy);
  return {
    name: policy.name,
    description: policy.description,
    enforcementLevel: policy.enforcementLevel,
    severity: policy.severity,
    remediationSteps: policy.remediationSteps,
    ...(schema === undefined ? {} : { configSchema: schema }),
  };
}

function resourcePolicy(policy: ResourcePolicy<object>): ResourceValidationPolicy {
  return {
    ...common(policy),
    validateResource: (args, reportViolation) => {
      const kind = kindOf(args.type);
      if (kind === undefined || !policy.kinds.includes(kind)) return;
      const resource = { kind, name: args.name, urn: args.urn, props: plainProps(args.props) };
      report(policy.check(resource, settings(policy, args.getConfig<object>())), reportViolation);
    },
  };
}

function stackResources(resources: readonly PolicyResource[]) {
  return resources.flatMap((r) => {
    const kind = kindOf(r.type);
    if (kind === undefined) return [];
    const dependsOn = Object.fromEntries(Object.entries(r.propertyDependencies).map(([property, deps]) => [property, deps.map((d) => d.urn)]));
    return [{ kind, name: r.name, urn: r.urn, props: plainProps(r.props), dependsOn }];
  });
}

function stackPolicy(policy: StackPolicy<object>): StackValidationPolicy {
  return {
    ...common(policy),
    validateStack: (args, reportViolation) => {
      const resources = stackResources(args.resources);
      if (resources.length === 0) return;
      report(policy.check(resources, settings(policy, args.getConfig<object>())), reportViolation);
    },
  };
}

export const toPulumiPolicy = (policy: TelephonyPolicy): ResourceValidationPolicy | StackValidationPolicy =>
  policy.scope === "resource" ? resourcePolicy(policy) : stackPolicy(policy);

/** What `new PolicyPack(POLICY_PACK_NAME, …)` takes: every telephony policy, each at its default enforcement level. */
export function policyPackArgs(policies: readonly TelephonyPolicy[]): PolicyPackArgs {
  return {
    description: "Guardrails for LiveKit telephony (SIP trunks, dispatch rules, phone numbers) managed with pulumi-livekit-sip or the LiveKit provider.",
    displayName: "LiveKit telephony",
    policies: policies.map(toPulumiPolicy),
  };
}
