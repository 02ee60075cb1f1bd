export { InboundTrunk, InboundTrunkArgs } from "./pulumi/inboundTrunk";
export { OutboundTrunk, OutboundTrunkArgs } from "./pulumi/outboundTrunk";
export { DispatchRule, DispatchRuleArgs } from "./pulumi/dispatchRule";
export { PhoneNumber, PhoneNumberArgs } from "./pulumi/phoneNumber";
export { TelephonyStack, TelephonyStackArgs } from "./stack/telephonyStack";
export type { TelephonySpec, InboundTrunkSpec, OutboundTrunkSpec, DispatchRuleSpec, SecretRef } from "./stack/spec";
export { validateSpec } from "./stack/validateSpec";
