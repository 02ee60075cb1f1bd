import {
  CreateSIPOutboundTrunkRequest,
  GetSIPOutboundTrunkRequest,
  GetSIPOutboundTrunkResponse,
  ListSIPOutboundTrunkRequest,
  ListSIPOutboundTrunkResponse,
  SIPOutboundTrunkInfo,
  UpdateSIPOutboundTrunkRequest,
} from "@livekit/protocol";
import { applyOutboundTrunkUpdate, validateOutboundTrunkUpdate } from "../../livekit/fieldUpdates";
import { SIP_TRUNK_PREFIX } from "../../livekit/ids";
import { pagedList, outboundTrunkMatches } from "../../livekit/listFilters";
import { validateOutboundTrunk } from "../../livekit/trunkValidation";
import { requireSipAdmin, type HandlerContext } from "./context";
import { listed } from "./listed";
import { applyUpdateAction, checkUpdateRequest, storeCreated, storeUpdated, TRUNK_UPDATE_WORDS } from "./resourceFlow";
import { checkCreateTrunkRequest, getTrunk, setTrunkId } from "./trunks";

/** Outbound trunks: validated field by field, never checked for conflicts ("No additional validation needed"). */

export function createOutboundTrunk(req: CreateSIPOutboundTrunkRequest, ctx: HandlerContext): Promise<SIPOutboundTrunkInfo> {
  requireSipAdmin(ctx);
  const trunk = checkCreateTrunkRequest(req.trunk, validateOutboundTrunk);
  return ctx.store.exclusive((tx) => storeCreated(ctx, tx, "outboundTrunk", trunk, SIP_TRUNK_PREFIX, setTrunkId));
}

export function updateOutboundTrunk(req: UpdateSIPOutboundTrunkRequest, ctx: HandlerContext): Promise<SIPOutboundTrunkInfo> {
  requireSipAdmin(ctx);
  const id = req.sipTrunkId;
  checkUpdateRequest(id, req.action, TRUNK_UPDATE_WORDS, (t) => t.sipTrunkId, validateOutboundTrunk, validateOutboundTrunkUpdate);
  return storeUpdated(ctx, "outboundTrunk", id, (stored) =>
    applyUpdateAction(stored, req.action, (t) => setTrunkId(t, id), applyOutboundTrunkUpdate),
  );
}

export function getOutboundTrunk(req: GetSIPOutboundTrunkRequest, ctx: HandlerContext): GetSIPOutboundTrunkResponse {
  const trunk = getTrunk(ctx, req.sipTrunkId, (id) => ctx.store.get("outboundTrunk", id));
  return new GetSIPOutboundTrunkResponse({ trunk });
}

export function listOutboundTrunks(req: ListSIPOutboundTrunkRequest, ctx: HandlerContext): ListSIPOutboundTrunkResponse {
  requireSipAdmin(ctx);
  const items = pagedList(listed(ctx, "outboundTrunk", req.page, req.numbers, req.trunkIds), req.page, (t) => t.sipTrunkId, (t) => outboundTrunkMatches(req, t));
  return new ListSIPOutboundTrunkResponse({ items });
}
