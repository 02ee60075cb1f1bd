import { mediaChanges } from "./mediaChanges";
import type { ObjectPair } from "./pairObjects";
import { change, type RoutingChange } from "./routingChange";
import type { RoutingOutboundTrunk } from "./types";
import { code, codeList } from "./wording";

/**
 * What changed in one outbound trunk: where agents' calls go, how (signalling transport, media
 * encryption, credentials) and which caller IDs they may use. Weakening any of it is risky, as is
 * removing the trunk (agents can no longer dial out) or sending calls to another provider address.
 */

const transportName = (t: RoutingOutboundTrunk) => (t.transport ?? "SIP_TRANSPORT_AUTO").replace(/^SIP_TRANSPORT_/, "").toLowerCase();
const usesTls = (t: RoutingOutboundTrunk) => transportName(t) === "tls";
const hasAuth = (t: RoutingOutboundTrunk) => (t.authUsername ?? "") !== "" && (t.authPassword ?? "") !== "";

function authChanges(subject: string, before: RoutingOutboundTrunk, after: RoutingOutboundTrunk): RoutingChange[] {
  if (hasAuth(before) && !hasAuth(after)) return [change("auth-removed", true, `${subject} no longer authenticates to the provider (was: user ${code(before.authUsername!)})`)];
  if (!hasAuth(before) && hasAuth(after)) return [change("auth-added", false, `${subject} now authenticates to the provider (user ${code(after.authUsername!)})`)];
  if (hasAuth(before) && (before.authUsername !== after.authUsername || before.authPassword !== after.authPassword)) {
    // A password is compared, never shown.
    const what = before.authUsername !== after.authUsername ? `user changed from ${code(before.authUsername!)} to ${code(after.authUsername!)}` : "password changed";
    return [change("auth-changed", true, `${subject}: provider credentials ${what}; calls fail until the provider has the same`)];
  }
  return [];
}

function changedTrunk(subject: string, before: RoutingOutboundTrunk, after: RoutingOutboundTrunk): RoutingChange[] {
  const changes: RoutingChange[] = [];
  if ((before.address ?? "") !== (after.address ?? "")) {
    changes.push(change("outbound-address-changed", true, `${subject} now sends calls to ${code(after.address ?? "")} (was: ${code(before.address ?? "")})`));
  }
  if (transportName(before) !== transportName(after)) {
    const lowered = usesTls(before) && !usesTls(after);
    const kind = lowered ? "outbound-transport-lowered" : usesTls(after) ? "outbound-transport-raised" : "outbound-transport-lowered";
    changes.push(change(kind, lowered, `${subject}: signalling transport ${code(transportName(before))} → ${code(transportName(after))}`));
  }
  changes.push(...authChanges(subject, before, after));
  const [b, a] = [before.numbers ?? [], after.numbers ?? []];
  if (b.join("\n") !== a.join("\n")) changes.push(change("outbound-numbers-changed", false, `${subject}: caller IDs ${codeList(a)} (was: ${codeList(b)})`));
  return [...changes, ...mediaChanges(subject, before, after, false)];
}

export function outboundTrunkChanges({ before, after }: ObjectPair<RoutingOutboundTrunk>): RoutingChange[] {
  const subjectOf = (t: RoutingOutboundTrunk) => `Outbound trunk ${code(t.name || t.sipTrunkId || "?")}`;
  if (after === undefined) {
    return before === undefined ? [] : [change("outbound-trunk-removed", true, `${subjectOf(before)} removed: agents can no longer dial out through it`)];
  }
  if (before === undefined) {
    const auth = hasAuth(after) ? `user ${code(after.authUsername!)}` : "no auth";
    return [change("outbound-trunk-added", false, `${subjectOf(after)} added: calls go to ${code(after.address ?? "")} over ${code(transportName(after))}, ${auth}`)];
  }
  return changedTrunk(subjectOf(after), before, after);
}
