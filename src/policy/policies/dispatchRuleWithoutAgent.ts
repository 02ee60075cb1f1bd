import { label, verdictOf, type ResourcePolicy } from "../policy";
import { all, isEmptyList, known, text, valueAt } from "../values";

export interface DispatchRuleAgentConfig {
  /** Accept a rule with a room preset: the preset (LiveKit Cloud) may dispatch agents the pack cannot see. */
  trustRoomPresets: boolean;
}

/**
 * A rule that dispatches no agent puts each caller in a room where nobody answers, unless a person
 * joins: right for conference lines, a dead end for an agent-answered number whose agent was left
 * out (or dropped in a change of roomConfig).
 */
export const dispatchRuleWithoutAgent: ResourcePolicy<DispatchRuleAgentConfig> = {
  scope: "resource",
  name: "livekit-dispatch-rule-without-agent",
  description: "Dispatch rules must dispatch an agent (roomConfig.agents), so every call they take is answered.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: 'Add roomConfig: { agents: [{ agentName: "<your agent>" }] } to the rule; disable the policy for stacks whose rooms are meant for people only (conference lines).',
  config: {
    properties: {
      trustRoomPresets: {
        type: "boolean",
        default: true,
        description: "Accept a rule with a roomPreset: the preset (LiveKit Cloud) may dispatch agents, which the policy cannot see.",
      },
    },
    defaults: { trustRoomPresets: true },
  },
  kinds: ["DispatchRule"],
  check(resource, config) {
    const noAgents = isEmptyList(valueAt(resource.props, "roomConfig.agents"));
    const noPreset = config.trustRoomPresets ? known(text(resource.props.roomPreset), (preset) => preset === "") : true;
    return verdictOf(all(noAgents, noPreset), () => {
      return (
        `${label(resource)} dispatches no agent: each call it takes waits in an empty room until a person joins. ` +
        'Fix: add roomConfig: { agents: [{ agentName: "<your agent>" }] }; if the rooms are meant for people only (a conference line), set this policy to "disabled" for the stack.'
      );
    });
  },
};
