import type { RoutingConfig } from "../callRouting";

/**
 * A source that declares no trunk (inbound or outbound), dispatch rule or LiveKit number manages no
 * telephony at all. In a
 * review gate that is far more often a broken program (a wrong path, a stack config that was not
 * read, an early return) than an intended teardown, so the commands refuse it unless told
 * otherwise (`--allow-empty`).
 */
export function declaresNothing(config: RoutingConfig): boolean {
  return config.trunks.length === 0 && config.rules.length === 0 && (config.livekitNumbers ?? []).length === 0 && (config.outboundTrunks ?? []).length === 0;
}

export function emptyStackError(what: string, contrast = ""): Error {
  return new Error(
    `${what} declares no LiveKit resources (no trunk, dispatch rule or phone number)${contrast}: every call it answers would be dropped. ` +
      "Check the path, --stack or --config-file; if an empty stack is intended, pass --allow-empty.",
  );
}
