import * as pulumi from "@pulumi/pulumi";
import type { ArgsOf } from "../definition";
import type { inboundTrunk } from "./definition";
import { trunkProblems } from "../pulumi/programChecks";
import { LiveKitResource } from "../pulumi/liveKitResource";
import type { ControlArgs, Inputs, LiveKitTimestamps, Outputs } from "../pulumi/types";

/** The arguments of an InboundTrunk: every field of LiveKit's `SIPInboundTrunkInfo`. */
export interface InboundTrunkArgs extends Inputs<ArgsOf<typeof inboundTrunk>>, ControlArgs<"InboundTrunk"> {}

export interface InboundTrunk extends Outputs<ArgsOf<typeof inboundTrunk>>, LiveKitTimestamps {}

/** A LiveKit inbound SIP trunk: which numbers, addresses and credentials LiveKit accepts calls from. */
export class InboundTrunk extends LiveKitResource {
  /** LiveKit's ID of the trunk (`ST_…`), also the resource ID; dispatch rules refer to it. */
  declare readonly sipTrunkId: pulumi.Output<string>;

  constructor(name: string, args: InboundTrunkArgs, opts?: pulumi.CustomResourceOptions) {
    super("InboundTrunk", name, args, opts, trunkProblems);
  }
}
