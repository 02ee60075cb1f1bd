import * as pulumi from "@pulumi/pulumi";
import { OutboundTrunk } from "pulumi-livekit-sip";

// Outbound calling for agents (e.g. appointment reminders): LiveKit dials out through the SIP
// provider over TLS, with SRTP required and digest authentication.
const config = new pulumi.Config();

const dialer = new OutboundTrunk("dialer", {
  name: "Telnyx outbound",
  address: config.require("providerAddress"),
  transport: "tls",
  destinationCountry: "US",
  numbers: config.requireObject<string[]>("callerIds"),
  authUsername: config.require("trunkUsername"),
  authPassword: config.requireSecret("trunkPassword"),
  media: { encryption: "require" },
});

// Agents pass this ID to CreateSIPParticipant to place calls.
export const outboundTrunkId = dialer.sipTrunkId;
