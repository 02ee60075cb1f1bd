import { label, PASS, type ResourcePolicy, type Verdict } from "../policy";
import { isUnknown, text, valueAt, type PlainObject, type UnknownValue } from "../values";

export interface OutboundTrunkConfig {
  /** Require SIP signalling over TLS. */
  requireTls: boolean;
  /** The weakest media encryption accepted: "allow" (SRTP when the carrier offers it) or "require". */
  minimumMediaEncryption: "allow" | "require";
}

const ENCRYPTION_RANK = { disable: 0, allow: 1, require: 2 } as const;
type Encryption = keyof typeof ENCRYPTION_RANK;

/** `tls`, or LiveKit's enum name `SIP_TRANSPORT_TLS` (how the native provider or a wire form may give it). */
function transportOf(props: PlainObject): string | UnknownValue {
  const value = text(props.transport);
  if (isUnknown(value)) return value;
  return value.toLowerCase().replace(/^sip_transport_/, "") || "auto";
}

/** `media.encryption` (or LiveKit's deprecated top-level `mediaEncryption`); unset is LiveKit's default, disable. */
function encryptionOf(props: PlainObject): Encryption | string | UnknownValue {
  const nested = valueAt(props, "media.encryption");
  const value = text(nested === undefined || nested === null ? props.mediaEncryption : nested);
  if (isUnknown(value)) return value;
  return value.toLowerCase().replace(/^sip_media_encrypt_/, "") || "disable";
}

/**
 * Outbound calls carry the caller ID, the dialled number and the conversation to the carrier. Over
 * UDP or TCP the SIP signalling (numbers, and digest credentials' exchange) crosses the network in
 * clear; with media encryption disabled, so does the audio.
 */
export const outboundTrunkUnencrypted: ResourcePolicy<OutboundTrunkConfig> = {
  scope: "resource",
  name: "livekit-outbound-trunk-unencrypted",
  description: "Outbound SIP trunks must use TLS for signalling and must not disable media encryption (SRTP).",
  enforcementLevel: "advisory",
  severity: "high",
  remediationSteps: 'Set transport: "tls" (with the carrier\'s TLS port, usually 5061, in address) and media: { encryption: "require" } (or "allow").',
  config: {
    properties: {
      requireTls: { type: "boolean", default: true, description: "Require transport: tls (SIP signalling over TLS)." },
      minimumMediaEncryption: {
        type: "string",
        enum: ["allow", "require"],
        default: "allow",
        description: 'The weakest media.encryption accepted: "allow" (SRTP whenever the carrier offers it) or "require" (SRTP on every call).',
      },
    },
    defaults: { requireTls: true, minimumMediaEncryption: "allow" },
  },
  kinds: ["OutboundTrunk"],
  check(resource, config): Verdict {
    const problems: string[] = [];
    const fixes: string[] = [];
    let undetermined: UnknownValue | undefined;
    if (config.requireTls) {
      const transport = transportOf(resource.props);
      if (isUnknown(transport)) undetermined = transport;
      else if (transport !== "tls") {
        problems.push(`sends SIP signalling over ${transport === "auto" ? "whatever transport LiveKit picks (transport is unset or auto)" : transport.toUpperCase()} instead of TLS`);
        fixes.push('set transport: "tls" and point address at the carrier\'s TLS port (usually 5061)');
      }
    }
    const encryption = encryptionOf(resource.props);
    const minimum = config.minimumMediaEncryption === "require" ? "require" : "allow";
    if (isUnknown(encryption)) undetermined ??= encryption;
    else if ((ENCRYPTION_RANK[encryption as Encryption] ?? 0) < ENCRYPTION_RANK[minimum]) {
      problems.push(encryption === "disable" ? "sends call audio unencrypted (media.encryption is unset or disable)" : `only allows media encryption (media.encryption is ${encryption}; this organisation requires "require")`);
      fixes.push(minimum === "require" ? 'set media: { encryption: "require" }' : 'set media: { encryption: "require" } (or "allow" when the carrier may not offer SRTP)');
    }
    if (problems.length === 0) return undetermined === undefined ? PASS : { findings: [], undetermined };
    return {
      findings: [{ message: `${label(resource)} ${problems.join(", and ")}: caller IDs, dialled numbers and conversations can be read on the way to the carrier. Fix: ${fixes.join("; ")}.` }],
      ...(undetermined === undefined ? {} : { undetermined }),
    };
  },
};
