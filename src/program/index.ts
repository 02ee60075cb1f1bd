/**
 * The root project's program: the whole telephony environment comes from the `telephony` key of
 * the stack config, so dev, staging and prod differ only in `Pulumi.<stack>.yaml`.
 */
import { TelephonyStack } from "../stack/telephonyStack";

const telephony = TelephonyStack.fromConfig("telephony");

export const inboundTrunkIds = telephony.inboundTrunkIds;
export const outboundTrunkIds = telephony.outboundTrunkIds;
export const dispatchRuleIds = telephony.dispatchRuleIds;
