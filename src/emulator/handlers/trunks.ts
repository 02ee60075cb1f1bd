import {
  DeleteSIPTrunkRequest,
  ListSIPTrunkRequest,
  ListSIPTrunkResponse,
  SIPInboundTrunkInfo,
  SIPOutboundTrunkInfo,
  SIPTrunkInfo,
  SIPTrunkInfo_TrunkKind,
} from "@livekit/protocol";
import { afterId, sortById } from "../../livekit/listFilters";
import { invalidArgument, type LiveKitError } from "../../livekit/twirp";
import { rejectInvalid, requireSipAdmin, trunkNotFound, type HandlerContext } from "./context";

/** Handler pieces shared by inbound and outbound trunks, and the trunk-wide methods. */

export const setTrunkId = (trunk: { sipTrunkId: string }, id: string) => {
  trunk.sipTrunkId = id;
};

/** `CreateSIP…TrunkRequest.ValidateResult`. */
export function checkCreateTrunkRequest<T extends { sipTrunkId: string }>(
  trunk: T | undefined,
  validate: (trunk: T) => LiveKitError | undefined,
): T {
  if (trunk === undefined) throw invalidArgument("missing trunk");
  if (trunk.sipTrunkId !== "") throw invalidArgument("trunk id must not be set");
  rejectInvalid(validate(trunk));
  return trunk;
}

/** GetSIPInboundTrunk / GetSIPOutboundTrunk: each only finds trunks of its own direction. */
export function getTrunk<T>(ctx: HandlerContext, id: string, load: (id: string) => T | undefined): T {
  requireSipAdmin(ctx);
  if (id === "") throw invalidArgument("trunk ID is required");
  const trunk = load(id);
  if (trunk === undefined) throw trunkNotFound();
  return trunk;
}

/**
 * Deletes from both directions. A missing trunk is not an error, and the answer is always the
 * legacy `SIPTrunkInfo` holding only the ID. Dispatch rules naming the trunk are left alone.
 */
export function deleteTrunk(req: DeleteSIPTrunkRequest, ctx: HandlerContext): Promise<SIPTrunkInfo> {
  requireSipAdmin(ctx);
  const id = req.sipTrunkId;
  if (id === "") throw invalidArgument("trunk ID is required");
  return ctx.store.exclusive((tx) => {
    const kinds = (["inboundTrunk", "outboundTrunk"] as const).filter((kind) => tx.get(kind, id) !== undefined);
    if (kinds.length > 0) tx.commit(kinds.map((kind) => ({ kind, id })));
    return new SIPTrunkInfo({ sipTrunkId: id });
  });
}

/** `SIPInboundTrunkInfo.AsTrunkInfo` (protocol `livekit/sip.go`). */
export const inboundAsLegacy = (t: SIPInboundTrunkInfo) =>
  new SIPTrunkInfo({
    sipTrunkId: t.sipTrunkId,
    kind: SIPTrunkInfo_TrunkKind.TRUNK_INBOUND,
    name: t.name,
    metadata: t.metadata,
    outboundNumber: t.numbers[0] ?? "",
    inboundAddresses: [...t.allowedAddresses],
    inboundNumbers: [...t.allowedNumbers],
    inboundUsername: t.authUsername,
    inboundPassword: t.authPassword,
  });

/** `SIPOutboundTrunkInfo.AsTrunkInfo`. */
export const outboundAsLegacy = (t: SIPOutboundTrunkInfo) =>
  new SIPTrunkInfo({
    sipTrunkId: t.sipTrunkId,
    kind: SIPTrunkInfo_TrunkKind.TRUNK_OUTBOUND,
    name: t.name,
    metadata: t.metadata,
    outboundAddress: t.address,
    transport: t.transport,
    outboundNumber: t.numbers[0] ?? "",
    outboundUsername: t.authUsername,
    outboundPassword: t.authPassword,
  });

/** The deprecated ListSIPTrunk: both directions in the legacy shape, sorted by ID. */
export function listLegacyTrunks(req: ListSIPTrunkRequest, ctx: HandlerContext): ListSIPTrunkResponse {
  requireSipAdmin(ctx);
  const all = [...ctx.store.list("inboundTrunk").map(inboundAsLegacy), ...ctx.store.list("outboundTrunk").map(outboundAsLegacy)];
  const sorted = sortById(all, (t) => t.sipTrunkId);
  return new ListSIPTrunkResponse({ items: afterId(sorted, req.page?.afterId, (t) => t.sipTrunkId) });
}
