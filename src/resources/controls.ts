import { z } from "zod";
import type { Failure, ResourceDefinition } from "./definition";
import { UNKNOWN } from "../schema/unknowns";

/**
 * Inputs that steer the provider rather than describe the LiveKit object. They never reach
 * LiveKit and never count as changes.
 */
export const controlKeys = ["adoptId", "allowNonE164Numbers", "__resourceName", "__stackProblems"] as const;

/** The controls programs set; the others are the resource classes' own. */
export type UserControls = Pick<Controls, "adoptId" | "allowNonE164Numbers">;

export interface Controls {
  /**
   * The ID of an existing LiveKit object to take under management: the first `pulumi up` updates
   * it in place instead of creating a second one. (`pulumi import` cannot work for dynamic providers.)
   */
  adoptId?: string;
  /**
   * Accept SIP user names and extensions where phone numbers are expected. Risky: LiveKit compares
   * dispatch-rule numbers exactly at call time, so a number written differently from what the
   * carrier sends never matches.
   */
  allowNonE164Numbers?: boolean;
  /** The Pulumi resource name, which the engine does not pass to dynamic providers. */
  __resourceName?: string;
  /** Conflicts with other resources of the same program, found where the program declares them. */
  __stackProblems?: Failure[];
}

/** What an adoptId of each kind looks like, and the `lk` command that lists them. */
const adoptIdForms: Record<ResourceDefinition["idField"], { pattern: RegExp; expected: string; listedBy: string }> = {
  sipTrunkId: { pattern: /^ST_[A-Za-z0-9]+$/, expected: "look like ST_xxxxxxxxxxxx", listedBy: "lk sip ... list" },
  sipDispatchRuleId: { pattern: /^SDR_[A-Za-z0-9]+$/, expected: "look like SDR_xxxxxxxxxxxx", listedBy: "lk sip ... list" },
  // LiveKit does not document the format of phone-number IDs; the number itself also names one.
  phoneNumberId: { pattern: /^(\+[1-9]\d{6,14}|[A-Za-z0-9_-]+)$/, expected: "be the number's ID or the number itself in E.164 form, e.g. +14155550100", listedBy: "lk number list" },
};

/** Where users look up IDs of this kind, for messages. */
export const listCommandFor = (definition: ResourceDefinition): string => adoptIdForms[definition.idField].listedBy;

/** What adoptId must be, for the reference docs. */
export const adoptIdForm = (definition: ResourceDefinition): string => {
  const form = adoptIdForms[definition.idField];
  return `It must ${form.expected} (see \`${form.listedBy}\`).`;
};

export function splitControls(inputs: Record<string, unknown>): { controls: Controls; args: Record<string, unknown> } {
  const { __provider, adoptId, allowNonE164Numbers, __resourceName, __stackProblems, ...args } = inputs;
  void __provider;
  const controls: Controls = {};
  if (adoptId !== undefined) controls.adoptId = adoptId as string;
  if (allowNonE164Numbers !== undefined) controls.allowNonE164Numbers = allowNonE164Numbers as boolean;
  if (__resourceName !== undefined) controls.__resourceName = __resourceName as string;
  if (Array.isArray(__stackProblems)) controls.__stackProblems = __stackProblems as Failure[];
  return { controls, args };
}

export function validateControls(definition: ResourceDefinition, controls: Controls): Failure[] {
  const { adoptId, allowNonE164Numbers } = controls;
  if (allowNonE164Numbers !== undefined && (allowNonE164Numbers as unknown) !== UNKNOWN && typeof allowNonE164Numbers !== "boolean") {
    return [{ property: "allowNonE164Numbers", reason: "must be true or false" }];
  }
  if (adoptId === undefined || adoptId === UNKNOWN) return [];
  const form = adoptIdForms[definition.idField];
  const ok = z.string().regex(form.pattern).safeParse(adoptId).success;
  return ok ? [] : [{ property: "adoptId", reason: `"${String(adoptId)}" is not a LiveKit ${definition.noun} ID: it must ${form.expected} (see \`${form.listedBy}\`)` }];
}
