import * as pulumi from "@pulumi/pulumi";
import { DispatchRule } from "pulumi-livekit-sip";

// The sales team routes its own calls: its direct numbers and its pin on the main number. The
// trunks belong to the platform stack; their IDs and the numbers sales may use come from its
// outputs, so this stack never needs the carrier's credentials.
const config = new pulumi.Config();
const platform = new pulumi.StackReference(config.require("platformStack"));

const trunkIds = [platform.requireOutput("inboundTrunkId") as pulumi.Output<string>];
const mainNumber = platform.requireOutput("mainNumber") as pulumi.Output<string>;
const numbers = platform.requireOutput("teamNumbers").apply((teams: Record<string, string[]>) => teams.sales ?? []);
const agents = [{ agentName: config.require("agentName") }];

// Each caller to a sales number gets a room of their own with the sales agent.
const direct = new DispatchRule("sales-direct", {
  name: "Sales direct lines",
  trunkIds,
  numbers,
  rule: { type: "individual", roomPrefix: "sales" },
  roomConfig: { agents },
});

// Callers to the main number who enter the sales pin.
const mainLine = new DispatchRule("sales-main-line", {
  name: "Sales on the main number",
  trunkIds,
  numbers: [mainNumber],
  rule: { type: "individual", roomPrefix: "sales-main", pin: config.require("mainLinePin") },
  roomConfig: { agents },
});

export const dispatchRuleIds = { direct: direct.sipDispatchRuleId, mainLine: mainLine.sipDispatchRuleId };
