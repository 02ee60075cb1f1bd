import { isDeepStrictEqual } from "node:util";
import type { IdentityReview, ResourceDefinition } from "../resources/definition";
import { containsUnknown } from "../schema/unknowns";

/**
 * The LiveKit fields whose values differ once both sides are in canonical form. A value the
 * engine does not know yet counts as changed, as Pulumi expects.
 */
export function changedFields(definition: ResourceDefinition, previous: Record<string, unknown>, next: Record<string, unknown>): string[] {
  return Object.entries(definition.schema.fields)
    .filter(
      ([key, field]) =>
        containsUnknown(next[key]) || !isDeepStrictEqual(field.canonical(previous[key]), field.canonical(next[key])),
    )
    .map(([key]) => key);
}

/** What the definition says about a change of identity; nothing for objects that change in place. */
export function reviewIdentity(definition: ResourceDefinition, previous: Record<string, unknown>, next: Record<string, unknown>): IdentityReview {
  return definition.reviewIdentity?.(previous, next) ?? { replaces: [], warnings: [] };
}
