export { InboundTrunk, InboundTrunkArgs } from "./resources/inboundTrunk/resource";
export { OutboundTrunk, OutboundTrunkArgs } from "./resources/outboundTrunk/resource";
export { DispatchRule, DispatchRuleArgs } from "./resources/dispatchRule/resource";
export { PhoneNumber, PhoneNumberArgs } from "./resources/phoneNumber/resource";
export { TelephonyStack, TelephonyStackArgs } from "./stack/telephonyStack";
export type { TelephonySpec, InboundTrunkSpec, OutboundTrunkSpec, DispatchRuleSpec, SecretRef } from "./stack/spec";
export { validateSpec } from "./stack/validateSpec";
