import { isDeepStrictEqual } from "node:util";
import { isRecord } from "../../schema/jsonTree";
import { secretPaths, replacedAt } from "../../resources/secretPaths";
import { changedFields } from "../../provider/changes";
import type { ResourceDefinition } from "../../resources/definition";
import type { FieldDrift } from "./driftReport";

/** Secret values are neither known offline nor shown: both sides compare as set or not set. */
const secretSet = "(secret set)";
const secretNotSet = "(secret not set)";

function withSecretsMasked(definition: ResourceDefinition, args: Record<string, unknown>): Record<string, unknown> {
  const masked = { ...args };
  for (const [key, field] of Object.entries(definition.schema.fields)) if (field.secret) masked[key] = secretNotSet;
  return secretPaths(definition, args).reduce<Record<string, unknown>>((all, path) => replacedAt(all, path, secretSet) as Record<string, unknown>, masked);
}

/**
 * Descends into nested messages, and lists of messages of equal length, so a report names
 * `rule.pin` or `roomConfig.agents[0].agentName` rather than the whole rule or list.
 */
function differences(path: string, stack: unknown, livekit: unknown): FieldDrift[] {
  if (isDeepStrictEqual(stack, livekit)) return [];
  if (isRecord(stack) && isRecord(livekit) && stack.type === livekit.type) {
    const keys = [...new Set([...Object.keys(stack), ...Object.keys(livekit)])];
    return keys.flatMap((key) => differences(`${path}.${key}`, stack[key], livekit[key]));
  }
  if (Array.isArray(stack) && Array.isArray(livekit) && stack.length === livekit.length && stack.every(isRecord)) {
    return stack.flatMap((item, i) => differences(`${path}[${i}]`, item, livekit[i]));
  }
  return [{ path, stack, livekit }];
}

/** The fields where a declared resource and its live object differ, compared as the provider's diff compares them. */
export function fieldDrift(definition: ResourceDefinition, desired: Record<string, unknown>, live: Record<string, unknown>): FieldDrift[] {
  const stack = withSecretsMasked(definition, desired);
  const livekit = withSecretsMasked(definition, live);
  return changedFields(definition, stack, livekit).flatMap((key) => {
    const field = definition.schema.fields[key];
    return differences(key, field.canonical(stack[key]), field.canonical(livekit[key]));
  });
}
