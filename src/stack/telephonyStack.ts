import * as pulumi from "@pulumi/pulumi";
import { DispatchRule } from "../resources/dispatchRule/resource";
import { InboundTrunk } from "../resources/inboundTrunk/resource";
import { OutboundTrunk } from "../resources/outboundTrunk/resource";
import type { SecretRef, TelephonySpec } from "./spec";
import { validateSpec } from "./validateSpec";

export interface TelephonyStackArgs {
  spec: TelephonySpec;
  /** Values of the secret config keys the spec refers to (`authPassword: { secret: key }`). */
  secrets?: Record<string, pulumi.Input<string>>;
}

/**
 * A whole telephony environment from one declarative spec: trunks and dispatch rules by logical
 * name, validated as a whole before anything is registered, so dev, staging and prod can differ
 * only in stack config.
 */
export class TelephonyStack extends pulumi.ComponentResource {
  /** LiveKit IDs of the inbound trunks, by logical name. */
  readonly inboundTrunkIds: pulumi.Output<Record<string, string>>;
  /** LiveKit IDs of the outbound trunks, by logical name. */
  readonly outboundTrunkIds: pulumi.Output<Record<string, string>>;
  /** LiveKit IDs of the dispatch rules, by logical name. */
  readonly dispatchRuleIds: pulumi.Output<Record<string, string>>;
  readonly inboundTrunks: Record<string, InboundTrunk> = {};
  readonly outboundTrunks: Record<string, OutboundTrunk> = {};
  readonly dispatchRules: Record<string, DispatchRule> = {};

  constructor(name: string, args: TelephonyStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super("livekit:sip:TelephonyStack", name, {}, opts);
    const { spec, secrets = {} } = args;
    const failures = validateSpec(spec, new Set(Object.keys(secrets)));
    if (failures.length > 0) {
      throw new Error(
        `TelephonyStack "${name}" has ${failures.length} problem(s):\n` + failures.map((f) => `  - ${f.property}: ${f.reason}`).join("\n"),
      );
    }
    const child = { parent: this };
    const password = (ref?: SecretRef) => (ref ? pulumi.secret(secrets[ref.secret]) : undefined);

    for (const [key, { authPassword, ...entry }] of Object.entries(spec.inboundTrunks ?? {})) {
      this.inboundTrunks[key] = new InboundTrunk(`${name}-${key}`, { name: key, ...entry, authPassword: password(authPassword) }, child);
    }
    for (const [key, { authPassword, ...entry }] of Object.entries(spec.outboundTrunks ?? {})) {
      this.outboundTrunks[key] = new OutboundTrunk(`${name}-${key}`, { name: key, ...entry, authPassword: password(authPassword) }, child);
    }
    for (const [key, { trunks = [], trunkIds = [], ...entry }] of Object.entries(spec.dispatchRules ?? {})) {
      const ids = [...trunkIds, ...trunks.map((t) => this.inboundTrunks[t].sipTrunkId)];
      this.dispatchRules[key] = new DispatchRule(`${name}-${key}`, { name: key, ...entry, trunkIds: ids }, child);
    }

    const idsOf = (resources: Record<string, { id: pulumi.Output<string> }>) =>
      pulumi.output(Object.fromEntries(Object.entries(resources).map(([key, r]) => [key, r.id]))) as pulumi.Output<Record<string, string>>;
    this.inboundTrunkIds = idsOf(this.inboundTrunks);
    this.outboundTrunkIds = idsOf(this.outboundTrunks);
    this.dispatchRuleIds = idsOf(this.dispatchRules);
    this.registerOutputs({ inboundTrunkIds: this.inboundTrunkIds, outboundTrunkIds: this.outboundTrunkIds, dispatchRuleIds: this.dispatchRuleIds });
  }

  /**
   * Builds the stack from structured stack config (`<project>:<key>` in `Pulumi.<stack>.yaml`),
   * reading every secret the spec refers to from the same config.
   */
  static fromConfig(name: string, options: { key?: string; opts?: pulumi.ComponentResourceOptions } = {}): TelephonyStack {
    const config = new pulumi.Config();
    const key = options.key ?? "telephony";
    const spec = config.requireObject<TelephonySpec>(key);
    const secrets: Record<string, pulumi.Output<string>> = {};
    for (const ref of secretRefs(spec)) {
      const value = config.getSecret(ref);
      if (value !== undefined) secrets[ref] = value;
    }
    return new TelephonyStack(name, { spec, secrets }, options.opts);
  }
}

function secretRefs(spec: TelephonySpec): string[] {
  const entries = [...Object.values(spec?.inboundTrunks ?? {}), ...Object.values(spec?.outboundTrunks ?? {})];
  return entries.map((e) => e?.authPassword?.secret).filter((k): k is string => typeof k === "string");
}
