import {
  CreateSIPDispatchRuleRequest,
  DeleteSIPDispatchRuleRequest,
  ListSIPDispatchRuleRequest,
  ListSIPDispatchRuleResponse,
  SIPDispatchRuleInfo,
  UpdateSIPDispatchRuleRequest,
} from "@livekit/protocol";
import { validateDispatchRule } from "../../livekit/dispatchRule";
import { findDispatchRuleConflict } from "../../livekit/dispatchRuleConflicts";
import { applyDispatchRuleUpdate, upgradeMedia, validateDispatchRuleUpdate } from "../../livekit/fieldUpdates";
import { SIP_DISPATCH_RULE_PREFIX } from "../../livekit/ids";
import { pagedList, dispatchRuleMatches } from "../../livekit/listFilters";
import { invalidArgument, toTwirpError } from "../../livekit/twirp";
import { dispatchRuleNotFound, rejectInvalid, requireSipAdmin, type HandlerContext } from "./context";
import { listed } from "./listed";
import { applyUpdateAction, checkUpdateRequest, DISPATCH_RULE_UPDATE_WORDS, storeCreated, storeUpdated, walkForCreate, walkForUpdate } from "./resourceFlow";

const setRuleId = (rule: SIPDispatchRuleInfo, id: string) => {
  rule.sipDispatchRuleId = id;
};

function rejectConflict(walk: SIPDispatchRuleInfo[]): void {
  const problem = findDispatchRuleConflict(walk);
  if (problem === undefined) return;
  // A conflict is a Twirp error; an empty rule oneof is a psrpc error returned unwrapped.
  throw problem.kind === "conflict" ? problem.error : toTwirpError(problem.error);
}

/** `CreateSIPDispatchRuleRequest.DispatchRuleInfo()` for the legacy form: it has no numbers, media or krisp. */
const legacyRuleInfo = (req: CreateSIPDispatchRuleRequest) =>
  new SIPDispatchRuleInfo({
    rule: req.rule?.clone(),
    trunkIds: [...req.trunkIds],
    inboundNumbers: [...req.inboundNumbers],
    hidePhoneNumber: req.hidePhoneNumber,
    name: req.name,
    metadata: req.metadata,
    attributes: { ...req.attributes },
    roomPreset: req.roomPreset,
    roomConfig: req.roomConfig?.clone(),
  });

/**
 * Both request forms: `dispatch_rule` (which wins, and is upgraded first) or the legacy top-level
 * fields the JS SDK sends. The stored rules compared are selected by the *legacy* `trunk_ids`
 * field even in the new form, where it is normally empty, so then every stored rule is compared.
 */
export function createDispatchRule(req: CreateSIPDispatchRuleRequest, ctx: HandlerContext): Promise<SIPDispatchRuleInfo> {
  requireSipAdmin(ctx);
  let rule: SIPDispatchRuleInfo;
  if (req.dispatchRule !== undefined) {
    rule = req.dispatchRule;
    upgradeMedia(rule);
    if (rule.sipDispatchRuleId !== "") throw invalidArgument("rule id must not be set");
  } else {
    rule = legacyRuleInfo(req);
  }
  rejectInvalid(validateDispatchRule(rule));
  return ctx.store.exclusive((tx) => {
    rejectConflict(walkForCreate(tx, "dispatchRule", rule, (r) => dispatchRuleMatches({ trunkIds: req.trunkIds }, r), req.trunkIds));
    return storeCreated(ctx, tx, "dispatchRule", rule, SIP_DISPATCH_RULE_PREFIX, setRuleId);
  });
}

export function updateDispatchRule(req: UpdateSIPDispatchRuleRequest, ctx: HandlerContext): Promise<SIPDispatchRuleInfo> {
  requireSipAdmin(ctx);
  const id = req.sipDispatchRuleId;
  checkUpdateRequest(id, req.action, DISPATCH_RULE_UPDATE_WORDS, (r) => r.sipDispatchRuleId, validateDispatchRule, validateDispatchRuleUpdate);
  return storeUpdated(
    ctx,
    "dispatchRule",
    id,
    (stored) => applyUpdateAction(stored, req.action, (r) => setRuleId(r, id), applyDispatchRuleUpdate),
    (updated, tx) => {
      const candidate = (r: SIPDispatchRuleInfo) => dispatchRuleMatches({ trunkIds: updated.trunkIds }, r);
      rejectConflict(walkForUpdate(ctx, tx, "dispatchRule", updated, candidate));
    },
  );
}

export function listDispatchRules(req: ListSIPDispatchRuleRequest, ctx: HandlerContext): ListSIPDispatchRuleResponse {
  requireSipAdmin(ctx);
  const items = pagedList(listed(ctx, "dispatchRule", req.page, req.trunkIds, req.dispatchRuleIds), req.page, (r) => r.sipDispatchRuleId, (r) => dispatchRuleMatches(req, r));
  return new ListSIPDispatchRuleResponse({ items });
}

/** Unlike DeleteSIPTrunk, a missing rule is a 404, and the answer is the deleted rule. */
export function deleteDispatchRule(req: DeleteSIPDispatchRuleRequest, ctx: HandlerContext): Promise<SIPDispatchRuleInfo> {
  requireSipAdmin(ctx);
  const id = req.sipDispatchRuleId;
  if (id === "") throw invalidArgument("dispatch rule ID is required");
  return ctx.store.exclusive((tx) => {
    const rule = tx.get("dispatchRule", id);
    if (rule === undefined) throw dispatchRuleNotFound();
    tx.commit([{ kind: "dispatchRule", id }]);
    return rule;
  });
}
