import ipaddr from "ipaddr.js";
import { controlCharacter, quoted } from "./text";

const hostname = /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

export function isHostname(value: string): boolean {
  return hostname.test(value) && !/^[\d.]+$/.test(value);
}

/**
 * Why LiveKit would not honour an `allowedAddresses` entry, or undefined. LiveKit silently drops
 * entries it cannot use (protocol sip.go `isValidMask`), and a list left with none lets every
 * caller in, so every entry must be an IP address, a CIDR range or a hostname.
 */
export function allowedAddressProblem(entry: string): string | undefined {
  const odd = controlCharacter(entry);
  if (odd) return `${quoted(entry)} contains ${odd}`;
  if (entry !== entry.trim() || /\s/.test(entry)) return `${quoted(entry)} contains white space, so LiveKit would ignore it; remove the spaces`;
  if (entry.includes("://") || /^sips?:/i.test(entry)) return `${quoted(entry)} is a URI; write only the IP address, CIDR range or hostname`;
  if (/^\[.*\]$/.test(entry)) return `${quoted(entry)} is bracketed, which never matches; write the IPv6 address without brackets`;
  if (/[()+*;,]/.test(entry)) return `${quoted(entry)} contains one of ( ) + * ; , so LiveKit would ignore it; list one IP address, CIDR range or hostname per entry`;
  if (entry.includes("/")) {
    try {
      ipaddr.parseCIDR(entry);
      return undefined;
    } catch {
      return `${quoted(entry)} is not a valid CIDR range (e.g. 192.0.2.0/24 or 2001:db8::/32)`;
    }
  }
  if (ipaddr.isValid(entry)) {
    return ipaddr.IPv4.isValidFourPartDecimal(entry) || entry.includes(":") ? undefined : `${quoted(entry)} is not a valid IPv4 address: write all four parts, e.g. 192.0.2.1`;
  }
  if (/^[\d.]+$/.test(entry)) return `${quoted(entry)} is not a valid IPv4 address: each of the four parts is 0 to 255`;
  if (isHostname(entry)) return undefined;
  return `${quoted(entry)} is not an IP address, CIDR range or hostname`;
}
