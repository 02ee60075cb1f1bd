import { isNotFound } from "../client/errors";
import type { SipApi } from "../client/sipApi";
import type { LiveKitBinding } from "./definition";

/** Inbound and outbound trunks differ only in method names; deletion is shared by both. */
export function trunkBinding(direction: "Inbound" | "Outbound"): LiveKitBinding {
  return {
    create: (api, trunk) => api.call(`CreateSIP${direction}Trunk`, { trunk }),
    replace: (api, sipTrunkId, replace) => api.call(`UpdateSIP${direction}Trunk`, { sipTrunkId, replace }),
    get: async (api, sipTrunkId) => {
      try {
        return ((await api.call(`GetSIP${direction}Trunk`, { sipTrunkId })) as { trunk?: unknown }).trunk;
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    // LiveKit answers 200 for an ID it does not know, so a repeated delete is already harmless.
    remove: async (api: SipApi, sipTrunkId: string) => {
      await api.call("DeleteSIPTrunk", { sipTrunkId });
    },
    list: async (api) => ((await api.call(`ListSIP${direction}Trunk`, {})) as { items: unknown[] }).items,
  };
}
