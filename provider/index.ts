export { InboundTrunk, InboundTrunkArgs } from "./pulumi/inboundTrunk";
export { OutboundTrunk, OutboundTrunkArgs } from "./pulumi/outboundTrunk";
export { DispatchRule, DispatchRuleArgs } from "./pulumi/dispatchRule";
