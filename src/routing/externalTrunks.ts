import type { RoutingConfig, RoutingTrunk } from "../callRouting";

/**
 * Trunks a source's rules name but do not declare: the platform stack's trunks, named by team
 * stacks through StackReference outputs (or pasted IDs). Routing goes number → trunk → rule, so
 * without them every route of those rules would read as "no trunk: dropped"; a review either reads
 * them (from LiveKit) or says it cannot show those calls.
 */

/** Each trunk ID the rules name that the configuration does not declare, with the names of the rules naming it. */
export function externalTrunkIds(config: RoutingConfig): Map<string, string[]> {
  const declared = new Set(config.trunks.map((t) => t.sipTrunkId));
  const external = new Map<string, string[]>();
  for (const rule of config.rules) {
    for (const id of new Set(rule.trunkIds ?? [])) {
      if (declared.has(id)) continue;
      const names = external.get(id) ?? [];
      names.push(rule.name || rule.sipDispatchRuleId || "<unnamed>");
      external.set(id, names);
    }
  }
  return external;
}

/** The configuration with trunks managed elsewhere added, as LiveKit reported them. */
export function withExternalTrunks(config: RoutingConfig, trunks: readonly RoutingTrunk[]): RoutingConfig {
  const wanted = externalTrunkIds(config);
  const added = trunks.filter((t) => t.sipTrunkId !== undefined && wanted.has(t.sipTrunkId));
  return added.length === 0 ? config : { ...config, trunks: [...config.trunks, ...added] };
}

/** How a report names the trunks it read from LiveKit, so a reviewer knows the pull request does not change them. */
export function externalTrunkNotes(trunks: readonly RoutingTrunk[], where: string): string[] {
  return trunks.map(
    (t) =>
      `Trunk \`${t.name || t.sipTrunkId}\` (\`${t.sipTrunkId}\`) is not declared by this source: it is read from ${where} as it is now. ` +
      "Rules of other stacks are not shown: its numbers that no rule here routes may be routed by them.",
  );
}

const describe = (missing: Map<string, string[]>) =>
  [...missing].map(([id, rules]) => `  ${id}, named by ${rules.map((r) => `rule "${r}"`).join(", ")}`).join("\n");

/** The rules name trunks nobody has read: their calls cannot be shown. */
export function unreadTrunksError(source: string, missing: Map<string, string[]>): Error {
  return new Error(
    `${source}: its dispatch rules name inbound trunks it does not declare, so the calls that reach them cannot be shown:\n${describe(missing)}\n` +
      "Read them from the LiveKit project with --trunks-from-livekit (credentials: --url, --api-key, --api-secret or LIVEKIT_URL, " +
      "LIVEKIT_API_KEY, LIVEKIT_API_SECRET; read-only), or pass --allow-unread-trunks to review the rules without those calls.",
  );
}

/** The trunks were asked for, and LiveKit has no such trunk. */
export function missingTrunksError(source: string, missing: Map<string, string[]>, where: string): Error {
  return new Error(
    `${source}: its dispatch rules name inbound trunks that ${where} does not have, so no call can reach those rules:\n${describe(missing)}\n` +
      "Check the IDs (a StackReference to the wrong stack, or --stack-outputs of another stack?) and the LiveKit project.",
  );
}
