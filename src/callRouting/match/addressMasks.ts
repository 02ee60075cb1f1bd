import { parseIpAddress, parseIpPrefix, prefixContains, sameIpAddress, type IpAddress } from "./ipAddress";

/**
 * The `allowed_addresses` filter of an inbound trunk (protocol `sip/sip.go` `isValidMask`,
 * `matchAddrMask`, `matchAddrMasks`).
 */

/**
 * LiveKit silently ignores entries that look like lists, URLs or patterns; a trunk whose entries
 * are all ignored allows every address, which is why the plan and diff report them.
 */
export function isValidAddressMask(mask: string): boolean {
  return !/[()+*;, \t\n\r]/.test(mask) && !mask.includes("://");
}

export const validAddressMasks = (masks: readonly string[] | undefined): string[] => (masks ?? []).filter(isValidAddressMask);

function maskMatchesIp(ip: IpAddress, mask: string): boolean {
  if (!mask.includes("/")) {
    const exact = parseIpAddress(mask);
    return exact !== undefined && sameIpAddress(ip, exact);
  }
  const prefix = parseIpPrefix(mask);
  return prefix !== undefined && prefixContains(prefix, ip);
}

/**
 * Whether a call from `sourceIp` with From host `fromHost` passes the masks. A hostname entry is
 * compared with the From header's host, never resolved. A source that does not parse as an IP
 * (including an empty one) passes, as do masks with no valid entry.
 */
export function matchAddressMasks(sourceIp: string, fromHost: string, masks: readonly string[] | undefined): boolean {
  const ip = parseIpAddress(sourceIp);
  if (ip === undefined) return true;
  const valid = validAddressMasks(masks);
  if (valid.length === 0) return true;
  return valid.some((mask) => mask === fromHost || maskMatchesIp(ip, mask));
}
