import { z } from "zod";
import type { Failure, ResourceDefinition } from "../resources/definition";
import { UNKNOWN } from "../schema/unknowns";

/**
 * Inputs that steer the provider rather than describe the LiveKit object. They never reach
 * LiveKit and never count as changes.
 */
export const controlKeys = ["adoptId", "__resourceName"] as const;

export interface Controls {
  /** Adopt this existing LiveKit object on create instead of creating a new one. */
  adoptId?: string;
  /** The Pulumi resource name, which the engine does not pass to dynamic providers. */
  __resourceName?: string;
}

const idPatterns = { sipTrunkId: /^ST_[A-Za-z0-9]+$/, sipDispatchRuleId: /^SDR_[A-Za-z0-9]+$/ };

export function splitControls(inputs: Record<string, unknown>): { controls: Controls; args: Record<string, unknown> } {
  const { __provider, adoptId, __resourceName, ...args } = inputs;
  void __provider;
  const controls: Controls = {};
  if (adoptId !== undefined) controls.adoptId = adoptId as string;
  if (__resourceName !== undefined) controls.__resourceName = __resourceName as string;
  return { controls, args };
}

export function validateControls(definition: ResourceDefinition, controls: Controls): Failure[] {
  const { adoptId } = controls;
  if (adoptId === undefined || adoptId === UNKNOWN) return [];
  const pattern = idPatterns[definition.idField];
  const ok = z.string().regex(pattern).safeParse(adoptId).success;
  const prefix = definition.idField === "sipTrunkId" ? "ST_" : "SDR_";
  return ok
    ? []
    : [{ property: "adoptId", reason: `"${String(adoptId)}" is not a LiveKit ${definition.noun} ID: it must look like ${prefix}xxxxxxxxxxxx (see \`lk sip ... list\`)` }];
}
