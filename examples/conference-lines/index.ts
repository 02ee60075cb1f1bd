import * as pulumi from "@pulumi/pulumi";
import { DispatchRule, InboundTrunk } from "pulumi-livekit-sip";

// Pin-protected conference lines sharing one dial-in number: callers enter a pin and land in
// the matching room. LiveKit rejects two rules with the same pin on one trunk; so does preview.
const config = new pulumi.Config();

const dialIn = new InboundTrunk("dial-in", {
  name: "Conference dial-in",
  numbers: [config.require("dialInNumber")],
  allowedAddresses: config.requireObject<string[]>("carrierAddresses"),
});

const lines = config.requireObject<Record<string, { pin: string; room: string }>>("lines");

export const ruleIds = Object.entries(lines).map(
  ([line, { pin, room }]) =>
    new DispatchRule(`line-${line}`, {
      name: `Conference line ${line}`,
      trunkIds: [dialIn.sipTrunkId],
      rule: { type: "direct", roomName: room, pin },
    }).sipDispatchRuleId,
);
export const dialInTrunkId = dialIn.sipTrunkId;
