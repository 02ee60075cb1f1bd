import * as pulumi from "@pulumi/pulumi";
import type { ArgsOf } from "../definition";
import type { phoneNumber } from "./definition";
import type { phoneNumberOutputs } from "./schema";
import type { ObjectValue } from "../../schema/composite";
import { LiveKitResource } from "../pulumi/liveKitResource";
import type { ControlArgs, Inputs, LiveKitTimestamps, Outputs } from "../pulumi/types";

type Args = ArgsOf<typeof phoneNumber>;
type Chosen = "phoneNumber" | "countryCode" | "areaCode";

/**
 * The arguments of a PhoneNumber: the number to buy, or a search (`countryCode`, `areaCode`), or
 * `adoptId` for a number the project already owns; and the dispatch rule its calls go to.
 */
export type PhoneNumberArgs = Inputs<Omit<Args, Chosen>> &
  ControlArgs<"PhoneNumber"> &
  (
    | { phoneNumber: pulumi.Input<string>; countryCode?: never; areaCode?: never }
    | { phoneNumber?: never; countryCode: pulumi.Input<string>; areaCode?: pulumi.Input<string> }
    | {
        phoneNumber?: never;
        countryCode?: never;
        areaCode?: never;
        /**
         * A number the project already owns, by its ID or the number itself (E.164): the first
         * `pulumi up` takes it over and assigns the rule, instead of buying one.
         */
        adoptId: pulumi.Input<string>;
      }
  );

/** `status`, `numberType`, `sipDispatchRuleIds` and the rest of what LiveKit reports. */
export interface PhoneNumber extends Outputs<Omit<Args, Chosen>>, Outputs<ObjectValue<typeof phoneNumberOutputs.fields>>, LiveKitTimestamps {}

/**
 * A LiveKit Phone Number: bought from LiveKit, its calls go straight to a dispatch rule, with no
 * SIP trunk. Deleting it (or naming another `phoneNumber`) **releases the number**, which may be
 * gone for good: set `protect: true` on numbers callers know, and `retainOnDelete: true` to keep
 * the number when the resource leaves the program (see docs/phone-numbers.md).
 */
export class PhoneNumber extends LiveKitResource {
  /** LiveKit's ID of the number, also the resource ID. */
  declare readonly phoneNumberId: pulumi.Output<string>;
  /** The number owned, in E.164 form: the one given, or the one the search found. */
  declare readonly phoneNumber: pulumi.Output<string>;
  /** The number's country (ISO 3166-1 alpha-2). */
  declare readonly countryCode: pulumi.Output<string>;
  /** The number's area code (US numbers only; empty elsewhere). */
  declare readonly areaCode: pulumi.Output<string>;

  constructor(name: string, args: PhoneNumberArgs, opts?: pulumi.CustomResourceOptions) {
    super("PhoneNumber", name, args, opts);
  }
}
