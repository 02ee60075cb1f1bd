import { rulePin } from "../ruleArgs";
import { label, verdictOf, type ResourcePolicy } from "../policy";
import { all, isEmptyList, known } from "../values";

/**
 * A rule with no trunkIds and no numbers applies to every trunk and every number, including trunks
 * and numbers added later by anyone with access to the project; without a pin, every call LiveKit
 * accepts anywhere in the project can land in its rooms.
 */
export const wildcardRuleWithoutPin: ResourcePolicy = {
  scope: "resource",
  name: "livekit-wildcard-rule-without-pin",
  description: "Dispatch rules that apply to every trunk and every number (no trunkIds, no numbers) must require a pin.",
  enforcementLevel: "advisory",
  severity: "high",
  remediationSteps: "Set trunkIds to the trunks the rule serves (or numbers to the numbers it serves), or set rule.pin.",
  config: { properties: {}, defaults: {} },
  kinds: ["DispatchRule"],
  check(resource) {
    const catchAll = all(isEmptyList(resource.props.trunkIds), isEmptyList(resource.props.numbers));
    const noPin = known(rulePin(resource.props.rule), (pin) => pin === "");
    return verdictOf(all(catchAll, noPin), () => {
      return (
        `${label(resource)} applies to every trunk and every number (no trunkIds, no numbers) and asks for no pin: every call LiveKit accepts in the project, on trunks added later too, can land in its rooms. ` +
        "Fix: set trunkIds to the trunks it serves (or numbers to the numbers it serves), or set rule.pin."
      );
    });
  },
};
