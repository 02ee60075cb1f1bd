import * as pulumi from "@pulumi/pulumi";
import { DispatchRule } from "pulumi-livekit-sip";

// The support team's routing: a room per caller with the support agent on its direct numbers, and
// its pin on the shared main number. The trunks and numbers come from the platform stack's outputs.
const config = new pulumi.Config();
const platform = new pulumi.StackReference(config.require("platformStack"));

const trunkIds = [platform.requireOutput("inboundTrunkId") as pulumi.Output<string>];
const mainNumber = platform.requireOutput("mainNumber") as pulumi.Output<string>;
const numbers = platform.requireOutput("teamNumbers").apply((teams: Record<string, string[]>) => teams.support ?? []);
const agents = [{ agentName: config.require("agentName") }];

const queue = new DispatchRule("support-queue", {
  name: "Support queue",
  trunkIds,
  numbers,
  rule: { type: "individual", roomPrefix: "support" },
  roomConfig: { agents },
});

const mainLine = new DispatchRule("support-main-line", {
  name: "Support on the main number",
  trunkIds,
  numbers: [mainNumber],
  rule: { type: "individual", roomPrefix: "support-main", pin: config.require("mainLinePin") },
  roomConfig: { agents },
});

export const dispatchRuleIds = { queue: queue.sipDispatchRuleId, mainLine: mainLine.sipDispatchRuleId };
