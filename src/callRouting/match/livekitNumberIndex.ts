import { normalizeNumber } from "../../livekit/numbers";
import { assignedRuleIds } from "./livekitNumbers";
import { addTo } from "../multiMap";
import { RuleIndex } from "./ruleIndex";
import type { RoutingConfig, RoutingPhoneNumber, RoutingRule } from "../types";

/**
 * LiveKit numbers by normalised number and rules by ID, so a plan finds the LiveKit number of
 * each called number, and the rules assigned to it, without reading them all each time.
 */
export class LivekitNumberIndex {
  private readonly byNumber = new Map<string, RoutingPhoneNumber>();
  private readonly ruleIndexes = new Map<RoutingPhoneNumber, RuleIndex>();
  private readonly rulePositions = new Map<string, number[]>();

  constructor(private readonly config: RoutingConfig) {
    for (const number of config.livekitNumbers ?? []) {
      const key = normalizeNumber(number.e164Format ?? "");
      // Released numbers no longer route; the first live one wins, as a linear search would.
      if (number.status !== "PHONE_NUMBER_STATUS_RELEASED" && !this.byNumber.has(key)) this.byNumber.set(key, number);
    }
    config.rules.forEach((rule, position) => addTo(this.rulePositions, rule.sipDispatchRuleId ?? "", position));
  }

  /** The LiveKit number a call is made to, if the called number is one the project owns. */
  numberFor(calledNumber: string): RoutingPhoneNumber | undefined {
    return this.byNumber.get(normalizeNumber(calledNumber));
  }

  /** The assigned rules the configuration has, in configuration order. */
  assignedRules(number: RoutingPhoneNumber): RoutingRule[] {
    const positions = [...new Set(assignedRuleIds(number))].flatMap((id) => this.rulePositions.get(id) ?? []);
    return positions.sort((a, b) => a - b).map((p) => this.config.rules[p]);
  }

  /** The rules calls to the number choose among, indexed once per number. */
  ruleIndexFor(number: RoutingPhoneNumber): RuleIndex {
    const known = this.ruleIndexes.get(number);
    if (known !== undefined) return known;
    const index = new RuleIndex(this.assignedRules(number));
    this.ruleIndexes.set(number, index);
    return index;
  }
}
