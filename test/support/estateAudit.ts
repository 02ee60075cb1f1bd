import type { RunningEmulator, ResourceKind } from "../../src/emulator";
import { definitions, type SipResourceType } from "../../src/resources";
import { changedFields } from "../../src/provider/changes";
import { sections, type Section, type TelephonySpec } from "../../src/stack/spec";
import type { EngineState } from "../harness/engine";
import { SIPDispatchRuleInfo, SIPInboundTrunkInfo, SIPOutboundTrunkInfo } from "@livekit/protocol";

const kinds: Record<SipResourceType, { kind: ResourceKind; message: { fromJson(j: any, o?: any): { toJson(o?: any): unknown } } }> = {
  InboundTrunk: { kind: "inboundTrunk", message: SIPInboundTrunkInfo },
  OutboundTrunk: { kind: "outboundTrunk", message: SIPOutboundTrunkInfo },
  DispatchRule: { kind: "dispatchRule", message: SIPDispatchRuleInfo },
};

/** What the audit needs of a Pulumi state: each resource's name and ID (MiniEngine state or `pulumi stack export`). */
export type AuditedState = Record<string, { id?: string; name: string }>;

/** The resources of a `pulumi stack export` document, by URN. */
export function stateFromExport(text: string): AuditedState {
  const resources = (JSON.parse(text).deployment.resources ?? []) as { urn: string; id?: string }[];
  return Object.fromEntries(resources.map((r) => [r.urn, { id: r.id, name: r.urn.split("::").pop()! }]));
}

export interface EstateAudit {
  /** LiveKit objects with the same name as another one of their kind. */
  duplicates: number;
  /** LiveKit objects no resource in the Pulumi state points at. */
  orphans: number;
  /** Spec entries whose LiveKit object is missing or differs from the spec. */
  lostUpdates: number;
  /** Spec entries Pulumi's state has no resource for. */
  missing: number;
  details: string[];
}

/** Compares what LiveKit holds with a spec and with Pulumi's state, field by field. */
export function auditEstate(
  emulator: RunningEmulator,
  state: EngineState | AuditedState,
  spec: TelephonySpec,
  stackName: string,
  /** Values of the secrets the spec's passwords refer to: given, passwords are compared too. */
  secrets?: Record<string, string>,
): EstateAudit {
  const audit: EstateAudit = { duplicates: 0, orphans: 0, lostUpdates: 0, missing: 0, details: [] };
  const managedIds = new Set(Object.values(state).map((e) => e.id).filter(Boolean));
  const idsByName: Record<string, string> = {};
  for (const entry of Object.values(state)) if (entry.id) idsByName[entry.name] = entry.id;

  for (const [type, { kind, message }] of Object.entries(kinds) as [SipResourceType, (typeof kinds)[SipResourceType]][]) {
    const live = emulator.store.list(kind).map((o) => message.fromJson(o, { ignoreUnknownFields: true }).toJson({ emitDefaultValues: true }) as Record<string, any>);
    const names = live.map((o) => o.name);
    audit.duplicates += names.length - new Set(names).size;
    for (const o of live) {
      const id = o.sipTrunkId ?? o.sipDispatchRuleId;
      if (!managedIds.has(id)) {
        audit.orphans++;
        audit.details.push(`orphan ${type} ${id} "${o.name}"`);
      }
    }
    const section = (Object.keys(sections) as Section[]).find((s) => sections[s] === type)!;
    for (const [key, entry] of Object.entries(spec[section] ?? {})) {
      const id = idsByName[`${stackName}-${key}`];
      if (!id) {
        audit.missing++;
        continue;
      }
      const object = live.find((o) => (o.sipTrunkId ?? o.sipDispatchRuleId) === id);
      const { trunks, authPassword, ...args } = entry as Record<string, any>;
      const password = secrets !== undefined && authPassword !== undefined ? { authPassword: secrets[authPassword.secret] } : {};
      const desired = { name: key, ...args, ...password, ...(trunks ? { trunkIds: trunks.map((t: string) => idsByName[`${stackName}-${t}`]) } : {}) };
      const differing = object ? changedFields(definitions[type] as never, definitions[type].schema.fromWire(object) as never, desired) : ["(missing)"];
      if (differing.length > 0) {
        audit.lostUpdates++;
        audit.details.push(`${type} ${key}: ${differing.join(", ")}`);
      }
    }
  }
  return audit;
}
