/**
 * `pulumi-livekit-sip/policy`: the telephony policies, for a Pulumi policy pack (policy-pack/ in
 * this repository; docs/policy-pack.md) and for tests of their logic without the CLI.
 */
import { dispatchRuleWithoutAgent } from "./policies/dispatchRuleWithoutAgent";
import { inboundTrunkOpen } from "./policies/inboundTrunkOpen";
import { krispRequired } from "./policies/krispRequired";
import { numberWithoutRoute } from "./policies/numberWithoutRoute";
import { outboundTrunkUnencrypted } from "./policies/outboundTrunkUnencrypted";
import { wildcardRuleWithoutPin } from "./policies/wildcardRuleWithoutPin";
import type { TelephonyPolicy } from "./policy";
import { policyPackArgs as argsFor } from "./pulumiPolicy";

export { dispatchRuleWithoutAgent, inboundTrunkOpen, krispRequired, numberWithoutRoute, outboundTrunkUnencrypted, wildcardRuleWithoutPin };
export type { DispatchRuleAgentConfig } from "./policies/dispatchRuleWithoutAgent";
export type { KrispConfig } from "./policies/krispRequired";
export type { OutboundTrunkConfig } from "./policies/outboundTrunkUnencrypted";
export type * from "./policy";
export { KINDS, kindOf, typeTokens, type Kind } from "./resourceTypes";
export { plainProps, UnknownValue, type Plain, type PlainObject } from "./values";
export { POLICY_PACK_NAME, toPulumiPolicy } from "./pulumiPolicy";

/** Every telephony policy, in the order reports list them. */
export const telephonyPolicies: readonly TelephonyPolicy[] = [
  inboundTrunkOpen,
  outboundTrunkUnencrypted,
  numberWithoutRoute,
  dispatchRuleWithoutAgent,
  krispRequired,
  wildcardRuleWithoutPin,
];

/** The pack's arguments: `new PolicyPack(POLICY_PACK_NAME, policyPackArgs())`. */
export const policyPackArgs = () => argsFor(telephonyPolicies);
