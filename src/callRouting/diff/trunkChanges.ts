import { normalizeNumber } from "../../livekit/numbers";
import { listChange } from "./listChanges";
import { mediaChanges } from "./mediaChanges";
import type { ObjectPair } from "./pairObjects";
import { acceptsEveryCaller, planTrunk, type PlanTrunk } from "../plan/planTrunk";
import { trunkLabel } from "../refs";
import { change, type RoutingChange } from "./routingChange";
import type { RoutingTrunk } from "../types";
import { anyOr, code, codeList } from "../wording";

/** What changed in one trunk, security first. */

const isOpen = (trunk: RoutingTrunk) => acceptsEveryCaller(trunk) && planTrunk(trunk).authUser === undefined;

const OPEN = "accepts calls from anyone: no auth, no caller or address filter";

function authChanges(subject: string, before: PlanTrunk, after: PlanTrunk): RoutingChange[] {
  if (before.authUser !== undefined && after.authUser === undefined) {
    return [change("auth-removed", true, `${subject} no longer requires digest auth (was: user ${code(before.authUser)})`)];
  }
  if (before.authUser === undefined && after.authUser !== undefined) {
    return [change("auth-added", false, `${subject} now requires digest auth (user ${code(after.authUser)})`)];
  }
  if (before.authUser !== undefined && after.authUser !== before.authUser) {
    return [change("auth-changed", true, `${subject}: digest auth user changed from ${code(before.authUser)} to ${code(after.authUser!)}; the carrier needs the new credentials`)];
  }
  return [];
}

/** A password is compared, never shown; offline it is the secret's config key, so a new key is a new password. */
function passwordChanges(subject: string, b: PlanTrunk, a: PlanTrunk, before: RoutingTrunk, after: RoutingTrunk): RoutingChange[] {
  if (b.authUser === undefined || b.authUser !== a.authUser) return [];
  if ((before.authPassword ?? "") === (after.authPassword ?? "")) return [];
  return [change("auth-changed", true, `${subject}: digest auth password changed; the carrier needs the new credentials`)];
}

interface AllowList {
  readonly what: "addresses" | "numbers";
  readonly noun: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly key?: (entry: string) => string;
  /** Entries present but ignored by LiveKit, which make an emptied list look kept. */
  readonly ignored?: readonly string[];
}

/** An allow-list emptied lets everyone in; any new entry lets more in; dropping entries narrows. */
function allowListChanges(subject: string, list: AllowList): RoutingChange[] {
  const { added, removed } = listChange(list.before, list.after, list.key);
  if (list.before.length > 0 && list.after.length === 0) {
    const ignored = list.ignored !== undefined && list.ignored.length > 0 ? `; LiveKit ignores what is left (${codeList(list.ignored)})` : "";
    return [change(`allowed-${list.what}-removed`, true, `${subject} no longer filters ${list.noun} (was: ${codeList(list.before)})${ignored}`)];
  }
  if (list.before.length === 0 && list.after.length > 0) {
    return [change(`allowed-${list.what}-narrowed`, false, `${subject} now only accepts ${list.noun} ${codeList(list.after)}`)];
  }
  const changes: RoutingChange[] = [];
  if (added.length > 0) changes.push(change(`allowed-${list.what}-widened`, true, `${subject} now also accepts ${list.noun} ${codeList(added)}`));
  if (removed.length > 0) {
    changes.push(change(`allowed-${list.what}-narrowed`, false, `${subject} no longer accepts ${list.noun} ${codeList(removed)}`));
  }
  return changes;
}

function gateChanges(subject: string, before: RoutingTrunk, after: RoutingTrunk): RoutingChange[] {
  const b = planTrunk(before);
  const a = planTrunk(after);
  const changes = [
    ...authChanges(subject, b, a),
    ...passwordChanges(subject, b, a, before, after),
    ...allowListChanges(subject, {
      what: "addresses",
      noun: "source addresses",
      before: b.addresses,
      after: a.addresses,
      ignored: a.ignoredAddresses,
    }),
    ...allowListChanges(subject, { what: "numbers", noun: "callers", before: b.callers, after: a.callers, key: normalizeNumber }),
  ];
  if (!b.anyNumber && a.anyNumber) {
    changes.push(change("trunk-wildcard", true, `${subject} now answers every number (was: ${codeList(before.numbers ?? [])})`));
  }
  if (!isOpen(before) && isOpen(after)) changes.push(change("trunk-open", true, `${subject} now ${OPEN}`));
  return changes;
}

function addedTrunk(subject: string, trunk: RoutingTrunk): RoutingChange[] {
  const gates = planTrunk(trunk);
  const answers = gates.anyNumber ? "every number" : codeList(trunk.numbers ?? []);
  const auth = gates.authUser === undefined ? "no auth" : `digest auth (user ${code(gates.authUser)})`;
  const gatesText = `callers: ${anyOr(gates.callers)}; addresses: ${anyOr(gates.addresses)}; ${auth}`;
  const changes = [change("trunk-added", false, `${subject} added: answers ${answers}; ${gatesText}`)];
  if (gates.anyNumber) changes.push(change("trunk-wildcard", true, `${subject} answers every number no other trunk lists`));
  if (isOpen(trunk)) changes.push(change("trunk-open", true, `${subject} ${OPEN}`));
  return changes;
}

const subjectOf = (trunk: RoutingTrunk) => `Trunk ${code(trunkLabel(trunk))}`;

export function trunkChanges({ before, after }: ObjectPair<RoutingTrunk>): RoutingChange[] {
  // A removed trunk's numbers and callers show up as dropped calls; the removal itself is listed as such.
  if (after === undefined) return before === undefined ? [] : [change("trunk-removed", true, `${subjectOf(before)} removed`)];
  if (before === undefined) return addedTrunk(subjectOf(after), after);
  return [...gateChanges(subjectOf(after), before, after), ...mediaChanges(subjectOf(after), before, after, false)];
}
