import * as pulumi from "@pulumi/pulumi";
import type { ArgsOf } from "../definition";
import type { outboundTrunk } from "./definition";
import { LiveKitResource } from "../pulumi/liveKitResource";
import type { ControlArgs, Inputs, LiveKitTimestamps, Outputs } from "../pulumi/types";

/** The arguments of an OutboundTrunk: every field of LiveKit's `SIPOutboundTrunkInfo`. */
export interface OutboundTrunkArgs extends Inputs<ArgsOf<typeof outboundTrunk>>, ControlArgs<"OutboundTrunk"> {}

export interface OutboundTrunk extends Outputs<ArgsOf<typeof outboundTrunk>>, LiveKitTimestamps {}

/** A LiveKit outbound SIP trunk: how LiveKit dials out through a SIP provider. */
export class OutboundTrunk extends LiveKitResource {
  /** LiveKit's ID of the trunk (`ST_…`), also the resource ID. */
  declare readonly sipTrunkId: pulumi.Output<string>;

  constructor(name: string, args: OutboundTrunkArgs, opts?: pulumi.CustomResourceOptions) {
    super("OutboundTrunk", name, args, opts);
  }
}
