import type { Kind, PlainObject, StackResource } from "../../src/policy";
import { UnknownValue } from "../../src/policy";

/** A resource of the stack `dev` of project `telephony`, as the adapter hands it to the checks. */
export function resource(kind: Kind, name: string, props: PlainObject, dependsOn: Record<string, string[]> = {}): StackResource {
  return { kind, name, urn: `urn:pulumi:dev::telephony::pulumi-nodejs:dynamic/livekit:${kind}::${name}`, props, dependsOn };
}

/** A value the engine does not know yet (preview). */
export const unknown = (path: string) => new UnknownValue(path);

export const messages = (verdict: { findings: readonly { message: string }[] }) => verdict.findings.map((f) => f.message);
