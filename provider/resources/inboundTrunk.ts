import { flag, seconds, strings, text } from "../schema/field";
import { object } from "../schema/composite";
import { media } from "../schema/media";
import { attributesToHeaders, headers, headersToAttributes, includeHeaders } from "../schema/headers";
import { ResourceDefinition } from "./definition";
import { trunkBinding } from "./trunkBinding";

export const inboundTrunkSchema = object("An inbound SIP trunk (`SIPInboundTrunkInfo`): which calls LiveKit accepts.", {
  name: text("Human-readable name."),
  metadata: text("Free-form data stored with the trunk."),
  numbers: strings("Phone numbers this trunk answers (called numbers, E.164). Empty: any number.", { ordered: false }),
  allowedAddresses: strings("IP addresses, CIDR ranges or hostnames that may send calls. Empty: any.", { ordered: false }),
  allowedNumbers: strings("Caller numbers allowed to call. Empty: any caller.", { ordered: false }),
  authUsername: text("Digest-auth username callers must present (set together with `authPassword`)."),
  authPassword: text("Digest-auth password; stored as a Pulumi secret.", { secret: true }),
  authRealm: text("Digest-auth realm; empty uses LiveKit's default."),
  headers: headers(),
  headersToAttributes: headersToAttributes(),
  attributesToHeaders: attributesToHeaders(),
  includeHeaders,
  ringingTimeout: seconds("Seconds to ring before giving up; 0 uses LiveKit's default (3 minutes).", { max: 600 }),
  maxCallDuration: seconds("Longest call in seconds; 0 uses LiveKit's default (24 hours).", { max: 86400 }),
  krispEnabled: flag("Krisp noise cancellation for calls on this trunk."),
  media,
});

export const inboundTrunk: ResourceDefinition<typeof inboundTrunkSchema.fields> = {
  type: "InboundTrunk",
  noun: "inbound trunk",
  idField: "sipTrunkId",
  schema: inboundTrunkSchema,
  crossFieldRules: (args) => {
    const restricted = !!(args.authUsername || args.authPassword) || !!args.allowedAddresses?.length || !!args.numbers?.length;
    return restricted
      ? []
      : [
          {
            property: "numbers",
            reason:
              "an inbound trunk must be restricted: set numbers, allowedAddresses, or authUsername and authPassword (LiveKit rejects an unrestricted trunk)",
          },
        ];
  },
  livekit: trunkBinding("Inbound"),
};
