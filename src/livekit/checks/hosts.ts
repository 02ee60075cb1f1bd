import ipaddr from "ipaddr.js";
import { isHostname } from "./addresses";
import { controlCharacter, quoted } from "./text";

/**
 * Why a value is not `host` or `host:port` (an outbound trunk's address, or its from host). LiveKit
 * itself only refuses SIP URIs and transport parameters; anything else fails when dialling.
 */
export function hostPortProblem(value: string, field: string): string | undefined {
  const odd = controlCharacter(value);
  if (odd) return `${quoted(value)} contains ${odd}`;
  if (/transport=/i.test(value)) return `${quoted(value)} has a transport parameter; remove it and set \`transport\` instead`;
  if (/^sips?:/i.test(value) || value.includes(";")) return `${quoted(value)} is a SIP URI; write only the host, e.g. sip.example.com or sip.example.com:5061`;
  if (value.includes("@")) return `${quoted(value)} has a user part; write only the host (the numbers go in \`numbers\`)`;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(value);
  if (!match) return `${quoted(value)} is not a host or host:port (write IPv6 addresses as [2001:db8::1]:5060)`;
  const [, host, port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return `${quoted(value)} has port ${port}; ports are 1 to 65535`;
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  if (ipaddr.isValid(bare) || isHostname(host)) return undefined;
  return `${quoted(value)} is not a valid ${field}: use a hostname or IP address, optionally with :port`;
}
