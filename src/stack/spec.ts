import type { ArgsOf } from "../resources/definition";
import type { dispatchRule } from "../resources/dispatchRule/definition";
import type { inboundTrunk } from "../resources/inboundTrunk/definition";
import type { outboundTrunk } from "../resources/outboundTrunk/definition";

/** Names a stack config key holding a secret, set with `pulumi config set --secret <key> <value>`. */
export interface SecretRef {
  secret: string;
}

/** Properties every spec entry accepts besides LiveKit's fields. */
interface EntryControls {
  /** Adopt this existing LiveKit object instead of creating one (see docs/adoption.md). */
  adoptId?: string;
  /** Accept SIP user names and extensions where phone numbers are expected (see docs/validation.md). */
  allowNonE164Numbers?: boolean;
}

type WithSecretPassword<T> = Omit<T, "authPassword"> & { authPassword?: SecretRef };

export type InboundTrunkSpec = WithSecretPassword<ArgsOf<typeof inboundTrunk>> & EntryControls;
export type OutboundTrunkSpec = WithSecretPassword<ArgsOf<typeof outboundTrunk>> & EntryControls;
export type DispatchRuleSpec = ArgsOf<typeof dispatchRule> &
  EntryControls & {
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
