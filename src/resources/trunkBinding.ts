import { isNotFound } from "../client/errors";
import type { SipApi } from "../client/sipApi";
import type { LiveKitBinding, LiveObject } from "./definition";

/** The calls in which inbound and outbound trunks differ: the methods' names. */
export interface TrunkCalls<Wire> {
  create(api: SipApi, trunk: Wire): Promise<LiveObject>;
  replace(api: SipApi, sipTrunkId: string, trunk: Wire): Promise<LiveObject>;
  /** The trunk; LiveKit answers not-found for an ID it does not know. */
  get(api: SipApi, sipTrunkId: string): Promise<LiveObject | undefined>;
  list(api: SipApi): Promise<LiveObject[]>;
}

/** Inbound and outbound trunks differ only in method names; deletion is shared by both. */
export function trunkBinding<Wire>(calls: TrunkCalls<Wire>): LiveKitBinding<Wire> {
  return {
    create: (api, trunk) => calls.create(api, trunk),
    replace: (api, sipTrunkId, trunk) => calls.replace(api, sipTrunkId, trunk),
    get: async (api, sipTrunkId) => {
      try {
        return await calls.get(api, sipTrunkId);
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    // LiveKit answers 200 for an ID it does not know, so a repeated delete is already harmless.
    remove: async (api: SipApi, sipTrunkId: string) => {
      await api.call("DeleteSIPTrunk", { sipTrunkId });
    },
    list: (api) => calls.list(api),
  };
}
