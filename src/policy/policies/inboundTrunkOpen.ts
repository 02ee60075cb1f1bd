import { isValidAddressMask } from "../../callRouting/index";
import { label, verdictOf, type ResourcePolicy } from "../policy";
import { all, any, known, not, strings, text } from "../values";

/**
 * An inbound trunk with no address restriction and no authentication takes calls from anyone on
 * the internet who finds LiveKit's SIP endpoint: toll fraud, spam calls into agent rooms (each one
 * billed), and callers reaching agents meant for customers only. Caller numbers (`allowedNumbers`)
 * do not count as a restriction: a caller sets its own number.
 */
export const inboundTrunkOpen: ResourcePolicy = {
  scope: "resource",
  name: "livekit-inbound-trunk-open",
  description: "Inbound SIP trunks must restrict who may call in: allowedAddresses (the carrier's signalling addresses) or digest authentication (authUsername and authPassword).",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Set allowedAddresses to your SIP carrier's signalling IP addresses or CIDR ranges, or set authUsername and authPassword, or both.",
  config: { properties: {}, defaults: {} },
  kinds: ["InboundTrunk"],
  check(resource) {
    const addresses = strings(resource.props.allowedAddresses);
    // LiveKit ignores entries that look like lists, URLs or patterns (see callRouting's addressMasks).
    const restricted = known(addresses, (list) => list.some(isValidAddressMask));
    const username = text(resource.props.authUsername);
    const password = text(resource.props.authPassword);
    const authenticated = all(
      known(username, (u) => u !== ""),
      known(password, (p) => p !== ""),
    );
    const open = not(any(restricted, authenticated));
    return verdictOf(open, () => {
      const ignored = Array.isArray(addresses) && addresses.length > 0 ? ` (LiveKit ignores every allowedAddresses entry given: ${addresses.join(", ")})` : "";
      return (
        `${label(resource)} accepts calls from every address without authentication${ignored}: anyone who reaches LiveKit's SIP endpoint can call its numbers into your rooms and agents. ` +
        "Fix: set allowedAddresses to your SIP carrier's signalling IP addresses or CIDR ranges, or set authUsername and authPassword (digest authentication), or both."
      );
    });
  },
};
