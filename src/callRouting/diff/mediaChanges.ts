import { summarizeCodecs } from "../match/codecs";
import { ENCRYPTION_STRENGTH, upgradedMedia, type Encryption, type MediaOwner } from "../match/mediaMerge";
import { change, type RoutingChange } from "./routingChange";
import { code } from "../wording";

/** Krisp, codec and encryption changes of one trunk or rule (never risky except lower encryption). */

export interface MediaSubject extends MediaOwner {
  readonly krispEnabled?: boolean;
}

/**
 * On a rule, an unset encryption (or DISABLE, the enum's zero value) defers to the trunk, so it
 * counts as weakest: a rule dropping REQUIRE may lower what its calls get.
 */
function encryptionChange(subject: string, before: Encryption | undefined, after: Encryption | undefined, unset: string): RoutingChange[] {
  const strength = (e: Encryption | undefined) => (e === undefined ? -1 : ENCRYPTION_STRENGTH[e]);
  if (strength(before) === strength(after)) return [];
  const name = (e: Encryption | undefined) => (e === undefined ? unset : code(e));
  const lowered = strength(after) < strength(before);
  const verb = lowered ? "lowered" : "raised";
  const message = `${subject}: media encryption ${verb} from ${name(before)} to ${name(after)}`;
  return [change(lowered ? "encryption-lowered" : "encryption-raised", lowered, message)];
}

export function mediaChanges(subject: string, before: MediaSubject, after: MediaSubject, isRule: boolean): RoutingChange[] {
  const b = upgradedMedia(before);
  const a = upgradedMedia(after);
  const ruleEncryption = (e: Encryption | undefined) => (e === "disable" ? undefined : e);
  const encryption = isRule
    ? encryptionChange(subject, ruleEncryption(b.encryption), ruleEncryption(a.encryption), "the trunk's setting")
    : encryptionChange(subject, b.encryption ?? "disable", a.encryption ?? "disable", "");
  const changes = [...encryption];
  if ((before.krispEnabled === true) !== (after.krispEnabled === true)) {
    changes.push(change("krisp-changed", false, `${subject}: Krisp noise cancellation turned ${after.krispEnabled === true ? "on" : "off"}`));
  }
  const codecsBefore = summarizeCodecs(b).text;
  const codecsAfter = summarizeCodecs(a).text;
  if (codecsBefore !== codecsAfter) {
    changes.push(change("codecs-changed", false, `${subject}: codecs ${code(codecsBefore)} → ${code(codecsAfter)}`));
  }
  return changes;
}
