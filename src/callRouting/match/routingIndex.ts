import { LivekitNumberIndex } from "./livekitNumberIndex";
import { RuleIndex } from "./ruleIndex";
import { TrunkIndex } from "./trunkIndex";
import type { RoutingConfig } from "../types";

/**
 * One configuration indexed once for everything a plan derives from it: its table, warnings and
 * failing calls all look trunks, rules and LiveKit numbers up instead of scanning them per number.
 */
export interface RoutingIndex {
  readonly config: RoutingConfig;
  readonly trunks: TrunkIndex;
  readonly rules: RuleIndex;
  readonly livekitNumbers: LivekitNumberIndex;
}

export const indexRouting = (config: RoutingConfig): RoutingIndex => ({
  config,
  trunks: new TrunkIndex(config.trunks),
  rules: new RuleIndex(config.rules),
  livekitNumbers: new LivekitNumberIndex(config),
});
