import { GoError } from "../../livekit/twirp";
import { agentNames } from "./evaluate";
import { ruleRef, type ObjectRef } from "../refs";
import { roomNameFor } from "./roomName";
import { ruleVariant } from "./ruleVariant";
import type { RoutingRule } from "../types";

/** What a rule does with a call, in the terms a reviewer reads: room pattern, pin, agents. */
export interface RuleSummary extends ObjectRef {
  readonly kind: "direct" | "individual" | "callee" | "invalid";
  readonly pinRequired: boolean;
  /** e.g. `support`, `call_<caller>_<random>`, `line_+14155550100`. */
  readonly roomPattern: string;
  readonly agents: readonly string[];
  readonly hidesCallerNumber: boolean;
}

const KIND_NAMES = { dispatchRuleDirect: "direct", dispatchRuleIndividual: "individual", dispatchRuleCallee: "callee" } as const;

/** Placeholders for values only known when a call arrives. */
export const PLACEHOLDER = {
  caller: "<caller>",
  /** The masked form LiveKit puts in room names when the rule hides numbers. */
  callerLast4: "<caller's last 4>",
  called: "<called>",
  random: "<random>",
} as const;

/** With `calledNumber`, callee patterns show the number itself instead of a placeholder. */
export function summarizeRule(rule: RoutingRule, calledNumber?: string): RuleSummary {
  const variant = ruleVariant(rule.rule);
  const hides = rule.hidePhoneNumber === true;
  const base = { ...ruleRef(rule), agents: agentNames(rule), hidesCallerNumber: hides };
  if (variant instanceof GoError) return { ...base, kind: "invalid", pinRequired: false, roomPattern: "" };
  const parts = {
    caller: hides ? PLACEHOLDER.callerLast4 : PLACEHOLDER.caller,
    called: calledNumber ?? PLACEHOLDER.called,
    random: PLACEHOLDER.random,
  };
  return { ...base, kind: KIND_NAMES[variant.kind], pinRequired: variant.pin !== "", roomPattern: roomNameFor(variant, parts) };
}

/** `room \`support\` (agent \`support-bot\`)`, the phrase reports use for a destination. */
export function describeDestination(summary: Pick<RuleSummary, "roomPattern" | "agents">): string {
  const room = `room \`${summary.roomPattern}\``;
  if (summary.agents.length === 0) return room;
  const noun = summary.agents.length === 1 ? "agent" : "agents";
  return `${room} (${noun} ${summary.agents.map((a) => `\`${a}\``).join(", ")})`;
}
