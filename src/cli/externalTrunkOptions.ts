import type { Command } from "commander";
import { externalTrunkIds, externalTrunkNotes, missingTrunksError, unreadTrunksError, withExternalTrunks } from "../routing/externalTrunks";
import type { RoutingConfig, RoutingTrunk } from "../routing";
import { definitions } from "../resources";
import { type ConnectionFlags, connectionFrom, sipApiFor, withConnectionOptions } from "./connectionOptions";

/**
 * `plan`, `diff` and `simulate` of a stack whose rules use trunks another stack owns (a team stack
 * on the platform's trunks): `--trunks-from-livekit` reads those trunks from the LiveKit project,
 * read-only, so the report shows whole routes; without it the commands refuse rather than show
 * every such call as dropped, unless `--allow-unread-trunks`.
 */

export interface ExternalTrunkFlags extends ConnectionFlags {
  trunksFromLivekit?: boolean;
  allowUnreadTrunks?: boolean;
}

export function withExternalTrunkOptions(command: Command): Command {
  return withConnectionOptions(
    command
      .option("--trunks-from-livekit", "read the inbound trunks the rules name but the source does not declare (another stack's) from the LiveKit project; read-only")
      .option("--allow-unread-trunks", "review rules on trunks the source does not declare without reading them: the calls through those trunks are not shown"),
  );
}

/** One side of a review, as messages name it. */
export interface NamedConfig {
  name: string;
  config: RoutingConfig;
}

/**
 * The sides with the trunks they name but do not declare, read in one listing for all sides (both
 * revisions of a diff see the same trunks), and the notes a report shows about them.
 */
export async function resolveExternalTrunks(sides: readonly NamedConfig[], flags: ExternalTrunkFlags): Promise<{ configs: RoutingConfig[]; notes: string[] }> {
  const configs = sides.map((s) => s.config);
  const wanted = sides.map((s) => externalTrunkIds(s.config));
  const unread = wanted.findIndex((w) => w.size > 0);
  if (unread < 0) return { configs, notes: [] };
  if (!flags.trunksFromLivekit) {
    if (!flags.allowUnreadTrunks) throw unreadTrunksError(sides[unread].name, wanted[unread]);
    const ids = [...new Set(wanted.flatMap((w) => [...w.keys()]))];
    return { configs, notes: [`Trunks ${ids.map((id) => `\`${id}\``).join(", ")} are not declared by this source and were not read (--allow-unread-trunks): calls through them are not shown.`] };
  }
  const connection = connectionFrom(flags);
  const live = (await definitions.InboundTrunk.livekit.list(sipApiFor(connection))) as RoutingTrunk[];
  const where = `the LiveKit project at ${connection.url}`;
  const resolved = configs.map((config) => withExternalTrunks(config, live));
  resolved.forEach((config, i) => {
    const missing = externalTrunkIds(config);
    if (missing.size > 0) throw missingTrunksError(sides[i].name, missing, where);
  });
  const read = live.filter((t) => wanted.some((w) => w.has(t.sipTrunkId!)));
  return { configs: resolved, notes: externalTrunkNotes(read, where) };
}
