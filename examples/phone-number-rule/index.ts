import * as pulumi from "@pulumi/pulumi";
import { DispatchRule } from "pulumi-livekit-sip";

// With LiveKit Phone Numbers there is no SIP trunk: the number is bought from LiveKit and calls
// go straight to dispatch rules. A rule without trunkIds applies to every number, so this one
// narrows itself to the LiveKit number with `numbers`.
const config = new pulumi.Config();

const support = new DispatchRule("support-line", {
  name: "Support line (LiveKit Phone Number)",
  numbers: [config.require("phoneNumber")],
  rule: { type: "individual", roomPrefix: "support" },
  hidePhoneNumber: false,
  attributes: { line: "support" },
  roomConfig: { agents: [{ agentName: config.get("agentName") ?? "support-agent" }] },
});

export const dispatchRuleId = support.sipDispatchRuleId;
