import type { Message } from "@bufbuild/protobuf";
import { ListSIPDispatchRuleRequest, ListSIPInboundTrunkRequest, ListSIPOutboundTrunkRequest } from "@livekit/protocol";
import { startEmulator, type ResourceKind } from "../../src/emulator";
import { replaceThroughApi } from "../differential/liveKitApi";
import { assertNoDifferences, resetBoth, startDifferentialTarget, stopDifferentialTarget } from "../differential/target";
import { rpc } from "../emulator/support/rpc";

/**
 * The LiveKit a real-engine test deploys to: the emulator, or LiveKit's real server with the
 * emulator compared beside it through the differential proxy. Objects are read and edited in
 * LiveKit's snake_case JSON.
 */
export interface Backend {
  readonly name: string;
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Whether LiveKit Phone Numbers exist there (LiveKit Cloud's API; the open-source server has none). */
  readonly phoneNumbers: boolean;
  list(kind: ResourceKind): Promise<Record<string, unknown>[]>;
  /** Changes fields of an object behind Pulumi's back, as the dashboard would. */
  edit(kind: ResourceKind, object: Record<string, unknown>, wire: Record<string, unknown>): Promise<void>;
  /** Requests LiveKit received so far, per Twirp method. */
  requests(): Record<string, number>;
  /** Fails when the emulator and LiveKit answered differently (differential backend only). */
  check(): void;
  close(): Promise<void>;
}

export async function emulatorBackend(): Promise<Backend> {
  const emulator = await startEmulator({ port: 0 });
  return {
    name: "emulator",
    url: emulator.url,
    apiKey: emulator.apiKey,
    apiSecret: emulator.apiSecret,
    phoneNumbers: true,
    list: async (kind) => emulator.store.list(kind) as unknown as Record<string, unknown>[],
    edit: async (kind, object, wire) => {
      await emulator.store.put(kind, { ...object, ...wire } as never);
    },
    requests: () => ({ ...emulator.stats().byMethod }),
    check: () => undefined,
    close: () => emulator.close(),
  };
}

const LISTS: Partial<Record<ResourceKind, [string, Message]>> = {
  inboundTrunk: ["ListSIPInboundTrunk", new ListSIPInboundTrunkRequest()],
  outboundTrunk: ["ListSIPOutboundTrunk", new ListSIPOutboundTrunkRequest()],
  dispatchRule: ["ListSIPDispatchRule", new ListSIPDispatchRuleRequest()],
};

/** LiveKit's real server, reached through the differential proxy so the emulator answers beside it. */
export async function liveKitBackend(): Promise<Backend> {
  const target = await startDifferentialTarget();
  await resetBoth(target);
  const direct = target.livekit.url;
  return {
    name: `LiveKit ${target.livekit.version}`,
    url: target.proxy.url,
    apiKey: target.livekit.apiKey,
    apiSecret: target.livekit.apiSecret,
    phoneNumbers: false,
    async list(kind) {
      const list = LISTS[kind];
      if (!list) return [];
      // Straight from LiveKit, in its own JSON (protojson, proto field names).
      const res = await rpc(direct, list[0], list[1], "json-snake");
      return (JSON.parse(res.text) as { items?: Record<string, unknown>[] }).items ?? [];
    },
    async edit(kind, object, wire) {
      // Through the proxy, so the emulator beside LiveKit sees the same edit.
      await replaceThroughApi(target.proxy.url, kind, { ...object, ...wire });
    },
    // The emulator behind the proxy receives every request LiveKit does.
    requests: () => ({ ...target.emulator.stats().byMethod }),
    check: () => assertNoDifferences(target),
    close: () => stopDifferentialTarget(target),
  };
}
