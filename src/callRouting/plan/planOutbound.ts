import { upgradedMedia, type Encryption } from "../match/mediaMerge";
import type { RoutingOutboundTrunk } from "../types";
import { code, codeList } from "../wording";

/**
 * The outbound trunks of a plan: where agents' outgoing calls go and how. They route no inbound
 * call, so they are listed apart from the routing table.
 */
export interface PlanOutboundTrunk {
  /** The trunk's name, else its ID. */
  readonly name: string;
  readonly address: string;
  /** `udp`, `tcp`, `tls` or `auto`. */
  readonly transport: string;
  readonly authUser?: string;
  readonly callerIds: readonly string[];
  readonly encryption: Encryption;
}

export function planOutbound(trunk: RoutingOutboundTrunk): PlanOutboundTrunk {
  const authUser = (trunk.authUsername ?? "") !== "" && (trunk.authPassword ?? "") !== "" ? trunk.authUsername : undefined;
  return {
    name: trunk.name || trunk.sipTrunkId || "?",
    address: trunk.address ?? "",
    transport: (trunk.transport ?? "SIP_TRANSPORT_AUTO").replace(/^SIP_TRANSPORT_/, "").toLowerCase(),
    ...(authUser === undefined ? {} : { authUser }),
    callerIds: trunk.numbers ?? [],
    encryption: upgradedMedia(trunk).encryption ?? "disable",
  };
}

export const OUTBOUND_TITLE = "Outbound trunks (agents' outgoing calls)";
export const OUTBOUND_HEADERS = ["Trunk", "Sends calls to", "Transport", "Auth", "Caller IDs", "Media encryption"];

export function outboundRow(t: PlanOutboundTrunk): string[] {
  return [code(t.name), code(t.address), t.transport, t.authUser === undefined ? "none" : `user ${code(t.authUser)}`, codeList(t.callerIds), t.encryption];
}
