import { mediaChanges } from "./mediaChanges";
import type { ObjectPair } from "./pairObjects";
import { planOutbound, type PlanOutboundTrunk } from "../plan/planOutbound";
import { change, type RoutingChange } from "./routingChange";
import type { RoutingOutboundTrunk } from "../types";
import { code, codeList } from "../wording";

/**
 * What changed in one outbound trunk, compared as the plan shows it (planOutbound): where agents'
 * calls go, how (signalling transport, media encryption, credentials) and which caller IDs they may
 * use. Weakening any of it is risky, as is removing the trunk (agents can no longer dial out) or
 * sending calls to another provider address.
 */

function transportChanges(subject: string, b: PlanOutboundTrunk, a: PlanOutboundTrunk): RoutingChange[] {
  if (b.transport === a.transport) return [];
  const lowered = b.transport === "tls";
  const kind = lowered ? "outbound-transport-lowered" : a.transport === "tls" ? "outbound-transport-raised" : "outbound-transport-changed";
  return [change(kind, lowered, `${subject}: signalling transport ${code(b.transport)} → ${code(a.transport)}`)];
}

/** A password is compared, never shown. */
function authChanges(subject: string, b: PlanOutboundTrunk, a: PlanOutboundTrunk, before: RoutingOutboundTrunk, after: RoutingOutboundTrunk): RoutingChange[] {
  if (b.authUser !== undefined && a.authUser === undefined) return [change("auth-removed", true, `${subject} no longer authenticates to the provider (was: user ${code(b.authUser)})`)];
  if (b.authUser === undefined && a.authUser !== undefined) return [change("auth-added", false, `${subject} now authenticates to the provider (user ${code(a.authUser)})`)];
  if (b.authUser === undefined || a.authUser === undefined) return [];
  if (b.authUser === a.authUser && before.authPassword === after.authPassword) return [];
  const what = b.authUser !== a.authUser ? `user changed from ${code(b.authUser)} to ${code(a.authUser)}` : "password changed";
  return [change("auth-changed", true, `${subject}: provider credentials ${what}; calls fail until the provider has the same`)];
}

function changedTrunk(subject: string, before: RoutingOutboundTrunk, after: RoutingOutboundTrunk): RoutingChange[] {
  const [b, a] = [planOutbound(before), planOutbound(after)];
  const changes: RoutingChange[] = [];
  if (b.address !== a.address) changes.push(change("outbound-address-changed", true, `${subject} now sends calls to ${code(a.address)} (was: ${code(b.address)})`));
  changes.push(...transportChanges(subject, b, a), ...authChanges(subject, b, a, before, after));
  if (b.callerIds.join("\n") !== a.callerIds.join("\n")) {
    changes.push(change("outbound-numbers-changed", false, `${subject}: caller IDs ${codeList(a.callerIds)} (was: ${codeList(b.callerIds)})`));
  }
  return [...changes, ...mediaChanges(subject, before, after, false)];
}

export function outboundTrunkChanges({ before, after }: ObjectPair<RoutingOutboundTrunk>): RoutingChange[] {
  const subjectOf = (t: RoutingOutboundTrunk) => `Outbound trunk ${code(planOutbound(t).name)}`;
  if (after === undefined) {
    return before === undefined ? [] : [change("outbound-trunk-removed", true, `${subjectOf(before)} removed: agents can no longer dial out through it`)];
  }
  if (before === undefined) {
    const { address, transport, authUser } = planOutbound(after);
    const auth = authUser === undefined ? "no auth" : `user ${code(authUser)}`;
    return [change("outbound-trunk-added", false, `${subjectOf(after)} added: calls go to ${code(address)} over ${code(transport)}, ${auth}`)];
  }
  return changedTrunk(subjectOf(after), before, after);
}
