import type { UserControls } from "../resources/controls";
import type { ArgsOf } from "../resources/definition";
import type { dispatchRule } from "../resources/dispatchRule/definition";
import type { inboundTrunk } from "../resources/inboundTrunk/definition";
import type { outboundTrunk } from "../resources/outboundTrunk/definition";

/** Names a stack config key holding a secret, set with `pulumi config set --secret <key> <value>`. */
export interface SecretRef {
  secret: string;
}

type WithSecretPassword<T> = Omit<T, "authPassword"> & { authPassword?: SecretRef };

// Entries take the control arguments their resource takes (resources/controls.ts).
export type InboundTrunkSpec = WithSecretPassword<ArgsOf<typeof inboundTrunk>> & UserControls<"InboundTrunk">;
export type OutboundTrunkSpec = WithSecretPassword<ArgsOf<typeof outboundTrunk>> & UserControls<"OutboundTrunk">;
export type DispatchRuleSpec = ArgsOf<typeof dispatchRule> &
  UserControls<"DispatchRule"> & {
    /** Inbound trunks of this spec, by logical name; their LiveKit IDs are filled in. */
    trunks?: string[];
  };

/**
 * A whole telephony environment, as it lives under one key of `Pulumi.<stack>.yaml`: trunks and
 * rules by logical name, rules referring to trunks by those names. The entries take exactly the
 * resources' arguments, so the reference docs apply unchanged.
 */
export interface TelephonySpec {
  inboundTrunks?: Record<string, InboundTrunkSpec>;
  outboundTrunks?: Record<string, OutboundTrunkSpec>;
  dispatchRules?: Record<string, DispatchRuleSpec>;
}

export const sections = {
  inboundTrunks: "InboundTrunk",
  outboundTrunks: "OutboundTrunk",
  dispatchRules: "DispatchRule",
} as const;

export type Section = keyof typeof sections;
