import * as pulumi from "@pulumi/pulumi";
import { InboundTrunk, OutboundTrunk } from "pulumi-livekit-sip";

// The platform team owns the carrier connection of a LiveKit project that several teams share:
// the trunks, and which numbers each team may route. Teams declare their dispatch rules in
// stacks of their own, on these trunks, through a StackReference to this stack's outputs.
const config = new pulumi.Config();

// The company's main number is shared: callers enter a pin there to reach a team. Every team
// also has direct numbers of its own.
const mainNumber = config.require("mainNumber");
const teamNumbers = config.requireObject<Record<string, string[]>>("teamNumbers");

const inbound = new InboundTrunk("carrier", {
  name: "Carrier inbound",
  numbers: [mainNumber, ...Object.values(teamNumbers).flat()],
  allowedAddresses: config.requireObject<string[]>("carrierAddresses"),
  authUsername: config.require("trunkUsername"),
  authPassword: config.requireSecret("trunkPassword"),
  krispEnabled: true,
});

// Agents of every team call out through one trunk, showing their team's numbers as caller ID.
const outbound = new OutboundTrunk("carrier-out", {
  name: "Carrier outbound",
  address: config.require("carrierAddress"),
  transport: "tls",
  numbers: [mainNumber, ...Object.values(teamNumbers).flat()],
  authUsername: config.require("trunkUsername"),
  authPassword: config.requireSecret("trunkPassword"),
  media: { encryption: "require" },
});

export const inboundTrunkId = inbound.sipTrunkId;
export const outboundTrunkId = outbound.sipTrunkId;
export { mainNumber, teamNumbers };
