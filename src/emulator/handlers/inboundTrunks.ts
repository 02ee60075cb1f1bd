import {
  CreateSIPInboundTrunkRequest,
  GetSIPInboundTrunkRequest,
  GetSIPInboundTrunkResponse,
  ListSIPInboundTrunkRequest,
  ListSIPInboundTrunkResponse,
  SIPInboundTrunkInfo,
  UpdateSIPInboundTrunkRequest,
} from "@livekit/protocol";
import { applyInboundTrunkUpdate, validateInboundTrunkUpdate } from "../../livekit/fieldUpdates";
import { SIP_TRUNK_PREFIX } from "../../livekit/ids";
import { findInboundTrunkConflict } from "../../livekit/inboundTrunkConflicts";
import { pagedList, inboundTrunkMatches } from "../../livekit/listFilters";
import { validateInboundTrunk } from "../../livekit/trunkValidation";
import { requireSipAdmin, type HandlerContext } from "./context";
import { listed } from "./listed";
import { applyUpdateAction, checkUpdateRequest, storeCreated, storeUpdated, TRUNK_UPDATE_WORDS, walkForCreate, walkForUpdate } from "./resourceFlow";
import { checkCreateTrunkRequest, getTrunk, setTrunkId } from "./trunks";

/**
 * Inbound trunks: the only trunks LiveKit checks for conflicts. The stored trunks compared are
 * those sharing a number with the candidate, plus every trunk without numbers.
 */

const candidatesFor = (trunk: SIPInboundTrunkInfo) => (stored: SIPInboundTrunkInfo) =>
  inboundTrunkMatches({ numbers: trunk.numbers }, stored);

function rejectConflict(walk: SIPInboundTrunkInfo[]): void {
  const conflict = findInboundTrunkConflict(walk);
  if (conflict !== undefined) throw conflict.error;
}

export function createInboundTrunk(req: CreateSIPInboundTrunkRequest, ctx: HandlerContext): Promise<SIPInboundTrunkInfo> {
  requireSipAdmin(ctx);
  const trunk = checkCreateTrunkRequest(req.trunk, validateInboundTrunk);
  return ctx.store.exclusive((tx) => {
    rejectConflict(walkForCreate(tx, "inboundTrunk", trunk, candidatesFor(trunk), trunk.numbers));
    return storeCreated(ctx, tx, "inboundTrunk", trunk, SIP_TRUNK_PREFIX, setTrunkId);
  });
}

export function updateInboundTrunk(req: UpdateSIPInboundTrunkRequest, ctx: HandlerContext): Promise<SIPInboundTrunkInfo> {
  requireSipAdmin(ctx);
  const id = req.sipTrunkId;
  checkUpdateRequest(id, req.action, TRUNK_UPDATE_WORDS, (t) => t.sipTrunkId, validateInboundTrunk, validateInboundTrunkUpdate);
  return storeUpdated(
    ctx,
    "inboundTrunk",
    id,
    (stored) => applyUpdateAction(stored, req.action, (t) => setTrunkId(t, id), applyInboundTrunkUpdate),
    (updated, tx) => rejectConflict(walkForUpdate(ctx, tx, "inboundTrunk", updated, candidatesFor(updated))),
  );
}

export function getInboundTrunk(req: GetSIPInboundTrunkRequest, ctx: HandlerContext): GetSIPInboundTrunkResponse {
  const trunk = getTrunk(ctx, req.sipTrunkId, (id) => ctx.store.get("inboundTrunk", id));
  return new GetSIPInboundTrunkResponse({ trunk });
}

export function listInboundTrunks(req: ListSIPInboundTrunkRequest, ctx: HandlerContext): ListSIPInboundTrunkResponse {
  requireSipAdmin(ctx);
  const items = pagedList(listed(ctx, "inboundTrunk", req.page, req.numbers, req.trunkIds), req.page, (t) => t.sipTrunkId, (t) => inboundTrunkMatches(req, t));
  return new ListSIPInboundTrunkResponse({ items });
}
