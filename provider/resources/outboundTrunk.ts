import { choice, required, strings, text } from "../schema/field";
import { object } from "../schema/composite";
import { media } from "../schema/media";
import { attributesToHeaders, headers, headersToAttributes, includeHeaders } from "../schema/headers";
import { ResourceDefinition } from "./definition";
import { trunkBinding } from "./trunkBinding";

export const outboundTrunkSchema = object("An outbound SIP trunk (`SIPOutboundTrunkInfo`): how LiveKit dials out.", {
  name: text("Human-readable name."),
  metadata: text("Free-form data stored with the trunk."),
  address: required(text("The SIP provider's host or `host:port` that LiveKit sends calls to.")),
  transport: choice("SIP transport to the provider.", {
    auto: "SIP_TRANSPORT_AUTO",
    udp: "SIP_TRANSPORT_UDP",
    tcp: "SIP_TRANSPORT_TCP",
    tls: "SIP_TRANSPORT_TLS",
  }),
  destinationCountry: text("ISO 3166-1 alpha-2 country the calls go to, for region selection (e.g. `US`)."),
  numbers: required(strings("Caller-ID numbers this trunk may dial from (E.164).", { ordered: false })),
  authUsername: text("Username for digest auth with the provider."),
  authPassword: text("Password for digest auth with the provider; stored as a Pulumi secret.", { secret: true }),
  headers: headers(),
  headersToAttributes: headersToAttributes(),
  attributesToHeaders: attributesToHeaders(),
  includeHeaders,
  media,
  fromHost: text("Host used in the From header instead of LiveKit's SIP domain."),
});

export const outboundTrunk: ResourceDefinition<typeof outboundTrunkSchema.fields> = {
  type: "OutboundTrunk",
  noun: "outbound trunk",
  idField: "sipTrunkId",
  schema: outboundTrunkSchema,
  crossFieldRules: (args) =>
    args.numbers?.length === 0
      ? [{ property: "numbers", reason: "an outbound trunk needs at least one number to call from (LiveKit rejects an empty list)" }]
      : [],
  livekit: trunkBinding("Outbound"),
};
