import { flag, seconds, text } from "../../schema/field";
import { object } from "../../schema/composite";
import { allowedAddresses, phoneNumbers } from "../../schema/checked";
import { media, mediaWarnings } from "../../schema/media";
import { attributesToHeaders, headers, headersToAttributes, includeHeaders } from "../../schema/headers";
import { trunkClaims, type TrunkShape } from "../../livekit/conflictClaims";
import { authPairing } from "../authPairing";
import { ResourceDefinition } from "../definition";
import { trunkBinding } from "../trunkBinding";

export const inboundTrunkSchema = object("An inbound SIP trunk (`SIPInboundTrunkInfo`): which calls LiveKit accepts.", {
  name: text("Human-readable name."),
  metadata: text("Free-form data stored with the trunk.", { max: 65_536, multiline: true }),
  numbers: phoneNumbers("Phone numbers this trunk answers (called numbers). Empty: any number."),
  allowedAddresses: allowedAddresses(),
  allowedNumbers: phoneNumbers("Caller numbers allowed to call. Empty: any caller."),
  authUsername: text("Digest-auth username callers must present (set together with `authPassword`)."),
  authPassword: text("Digest-auth password; stored as a Pulumi secret.", { secret: true }),
  authRealm: text("Digest-auth realm; empty uses LiveKit's default."),
  headers: headers(),
  headersToAttributes: headersToAttributes(),
  attributesToHeaders: attributesToHeaders(),
  includeHeaders,
  ringingTimeout: seconds("Seconds to ring before giving up; leave out for LiveKit's default (3 minutes).", { min: 1, max: 600 }),
  maxCallDuration: seconds("Longest call in seconds; leave out for LiveKit's default (24 hours).", { min: 1, max: 86_400 }),
  krispEnabled: flag("Krisp noise cancellation for calls on this trunk."),
  media,
});

export const inboundTrunk: ResourceDefinition<typeof inboundTrunkSchema.fields> = {
  type: "InboundTrunk",
  noun: "inbound trunk",
  idField: "sipTrunkId",
  schema: inboundTrunkSchema,
  crossFieldRules: (args) => {
    const restricted = !!(args.authUsername && args.authPassword) || !!args.allowedAddresses?.length || !!args.numbers?.length;
    const open = {
      property: "numbers",
      reason: "an inbound trunk must be restricted: set numbers, allowedAddresses, or authUsername and authPassword; otherwise it accepts calls from anyone",
    };
    return [...(restricted ? [] : [open]), ...authPairing(args, "LiveKit would accept calls without authentication")];
  },
  warnings: (args) => mediaWarnings(args.media),
  conflicts: {
    claims: trunkClaims,
    reads: ["numbers", "allowedNumbers"],
    shape: (args, name, id): TrunkShape => ({ name, id, numbers: args.numbers, allowedNumbers: args.allowedNumbers }),
  },
  creationMark: "name",
  livekit: trunkBinding({
    create: (api, trunk) => api.call("CreateSIPInboundTrunk", { trunk }),
    replace: (api, sipTrunkId, replace) => api.call("UpdateSIPInboundTrunk", { sipTrunkId, replace }),
    get: async (api, sipTrunkId) => (await api.call("GetSIPInboundTrunk", { sipTrunkId })).trunk,
    list: async (api) => (await api.call("ListSIPInboundTrunk", {})).items,
  }),
};
