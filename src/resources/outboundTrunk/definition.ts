import { choice, required, text } from "../../schema/field";
import { object } from "../../schema/composite";
import { country, hostAndPort, phoneNumbers } from "../../schema/checked";
import { media, mediaWarnings } from "../../schema/media";
import { attributesToHeaders, headers, headersToAttributes, includeHeaders } from "../../schema/headers";
import { authPairing } from "../authPairing";
import { ResourceDefinition } from "../definition";
import { trunkBinding } from "../trunkBinding";

export const outboundTrunkSchema = object("An outbound SIP trunk (`SIPOutboundTrunkInfo`): how LiveKit dials out.", {
  name: text("Human-readable name."),
  metadata: text("Free-form data stored with the trunk.", { max: 65_536, multiline: true }),
  address: required(hostAndPort("The SIP provider's host or `host:port` that LiveKit sends calls to (not a `sip:` URI).", "address")),
  transport: choice("SIP transport to the provider.", {
    auto: "SIP_TRANSPORT_AUTO",
    udp: "SIP_TRANSPORT_UDP",
    tcp: "SIP_TRANSPORT_TCP",
    tls: "SIP_TRANSPORT_TLS",
  }),
  destinationCountry: country("ISO 3166-1 alpha-2 country the calls go to, for region selection (e.g. `US`)."),
  numbers: required(phoneNumbers("Caller-ID numbers this trunk may dial from.")),
  authUsername: text("Username for digest auth with the provider."),
  authPassword: text("Password for digest auth with the provider; stored as a Pulumi secret.", { secret: true }),
  headers: headers(),
  headersToAttributes: headersToAttributes(),
  attributesToHeaders: attributesToHeaders(),
  includeHeaders,
  media,
  fromHost: hostAndPort("Host used in the From header instead of LiveKit's SIP domain.", "from host"),
});

export const outboundTrunk: ResourceDefinition<typeof outboundTrunkSchema.fields> = {
  type: "OutboundTrunk",
  noun: "outbound trunk",
  idField: "sipTrunkId",
  schema: outboundTrunkSchema,
  crossFieldRules: (args) => [
    ...(args.address === "" ? [{ property: "address", reason: "an outbound trunk needs the provider's host, e.g. sip.example.com or sip.example.com:5061" }] : []),
    ...(args.numbers?.length === 0
      ? [{ property: "numbers", reason: "an outbound trunk needs at least one number to call from (LiveKit rejects an empty list)" }]
      : []),
    ...authPairing(args, "LiveKit could not answer the provider's authentication challenge"),
  ],
  warnings: (args) => mediaWarnings(args.media),
  missingPropertyHints: {
    krispEnabled:
      "outbound trunks have no Krisp setting: LiveKit turns Krisp on per outbound call (krisp_enabled of CreateSIPParticipant)",
  },
  creationMark: "name",
  livekit: trunkBinding({
    create: (api, trunk) => api.call("CreateSIPOutboundTrunk", { trunk }),
    replace: (api, sipTrunkId, replace) => api.call("UpdateSIPOutboundTrunk", { sipTrunkId, replace }),
    get: async (api, sipTrunkId) => (await api.call("GetSIPOutboundTrunk", { sipTrunkId })).trunk,
    list: async (api) => (await api.call("ListSIPOutboundTrunk", {})).items,
  }),
};
