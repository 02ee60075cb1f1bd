import * as pulumi from "@pulumi/pulumi";
import type { ArgsOf } from "../definition";
import type { dispatchRule } from "./definition";
import { ruleProblems } from "../pulumi/programChecks";
import { LiveKitResource } from "../pulumi/liveKitResource";
import type { ControlArgs, Inputs, LiveKitTimestamps, Outputs } from "../pulumi/types";

/** The arguments of a DispatchRule: every field of LiveKit's `SIPDispatchRuleInfo`. */
export interface DispatchRuleArgs extends Inputs<ArgsOf<typeof dispatchRule>>, ControlArgs<"DispatchRule"> {}

export interface DispatchRule extends Outputs<ArgsOf<typeof dispatchRule>>, LiveKitTimestamps {}

/** A LiveKit dispatch rule: which room, pin and agents an inbound call lands in. */
export class DispatchRule extends LiveKitResource {
  /** LiveKit's ID of the rule (`SDR_…`), also the resource ID. */
  declare readonly sipDispatchRuleId: pulumi.Output<string>;

  constructor(name: string, args: DispatchRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super("DispatchRule", name, args, opts, ruleProblems);
  }
}
