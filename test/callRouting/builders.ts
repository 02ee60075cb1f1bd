import type { RoutingRule, RoutingTrunk } from "../../src/callRouting";

/** Small builders for LiveKit objects in camelCase protobuf-JSON form. */

export const trunk = (sipTrunkId: string, fields: Omit<RoutingTrunk, "sipTrunkId"> = {}): RoutingTrunk => ({ sipTrunkId, ...fields });

export const direct = (roomName: string, pin = ""): RoutingRule["rule"] => ({ dispatchRuleDirect: { roomName, pin } });

export const individual = (roomPrefix: string, pin = "", noRandomness = false): RoutingRule["rule"] => ({
  dispatchRuleIndividual: { roomPrefix, pin, noRandomness },
});

export const callee = (roomPrefix: string, pin = "", randomize = false): RoutingRule["rule"] => ({
  dispatchRuleCallee: { roomPrefix, pin, randomize },
});

export const rule = (sipDispatchRuleId: string, variant: RoutingRule["rule"], fields: Omit<RoutingRule, "sipDispatchRuleId" | "rule"> = {}): RoutingRule => ({
  sipDispatchRuleId,
  rule: variant,
  ...fields,
});

export const agents = (...names: string[]) => ({ agents: names.map((agentName) => ({ agentName })) });
