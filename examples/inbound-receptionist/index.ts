import * as pulumi from "@pulumi/pulumi";
import { DispatchRule, InboundTrunk } from "pulumi-livekit-sip";

// An AI receptionist: calls to the company number arrive from the SIP provider (Twilio Elastic
// SIP Trunking here), each caller gets a private room, and the receptionist agent joins it.
const config = new pulumi.Config();

const trunk = new InboundTrunk("twilio", {
  name: "Twilio inbound",
  numbers: config.requireObject<string[]>("numbers"),
  // Only the carrier's signalling addresses may send calls, and they must authenticate.
  allowedAddresses: config.requireObject<string[]>("carrierAddresses"),
  authUsername: config.require("trunkUsername"),
  authPassword: config.requireSecret("trunkPassword"),
  krispEnabled: true,
  // G722 gives callers HD voice; PCMU stays as the fallback every carrier supports.
  media: { codecs: [{ name: "G722" }, { name: "PCMU" }] },
});

const receptionist = new DispatchRule("receptionist", {
  name: "AI receptionist",
  trunkIds: [trunk.sipTrunkId],
  rule: { type: "individual", roomPrefix: "call" },
  krispEnabled: true,
  roomConfig: {
    agents: [{ agentName: config.get("agentName") ?? "receptionist", metadata: JSON.stringify({ greeting: "Thanks for calling!" }) }],
  },
});

export const trunkId = trunk.sipTrunkId;
export const dispatchRuleId = receptionist.sipDispatchRuleId;
