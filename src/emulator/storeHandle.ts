import type { JsonObject, JsonValue } from "@bufbuild/protobuf";
import type { SipStore } from "./store/sipStore";
import { RESOURCE_KINDS, RESOURCE_TYPES, resourceId, type Resource, type ResourceKind } from "./store/resources";
import { messageFromJson, messageToJson } from "./wire/protojson";

/**
 * Out-of-band access to the emulator's state, for tests that simulate drift (someone changing
 * LiveKit behind the provider's back) or need to inspect exactly what is stored. Nothing here is
 * validated or conflict-checked, so it can also create states the API would refuse. Changes are
 * serialized with API requests and persisted like them.
 */
export interface EmulatorStore {
  /** All resources of a kind, sorted by ID, in the API's snake_case JSON form. */
  list(kind: ResourceKind): JsonObject[];
  get(kind: ResourceKind, id: string): JsonObject | undefined;
  /**
   * Stores (creates or replaces) a resource given as protobuf JSON (snake_case or camelCase).
   * It must carry its ID (`sip_trunk_id` / `sip_dispatch_rule_id` / `id`). Returns what was stored.
   */
  put(kind: ResourceKind, resource: JsonObject): Promise<JsonObject>;
  /** Removes a resource; false when there was none. */
  delete(kind: ResourceKind, id: string): Promise<boolean>;
  /** Removes everything. */
  clear(): Promise<void>;
}

const toJson = (resource: Resource) => messageToJson(resource) as JsonObject;

function decode(kind: ResourceKind, json: JsonValue): Resource {
  switch (kind) {
    case "inboundTrunk":
      return messageFromJson(RESOURCE_TYPES.inboundTrunk, json);
    case "outboundTrunk":
      return messageFromJson(RESOURCE_TYPES.outboundTrunk, json);
    case "dispatchRule":
      return messageFromJson(RESOURCE_TYPES.dispatchRule, json);
    case "phoneNumber":
      return messageFromJson(RESOURCE_TYPES.phoneNumber, json);
  }
}

export function storeHandle(store: SipStore): EmulatorStore {
  return {
    list: (kind) => store.list(kind).map(toJson),
    get: (kind, id) => {
      const resource = store.get(kind, id);
      return resource === undefined ? undefined : toJson(resource);
    },
    put: async (kind, json) => {
      const resource = decode(kind, json);
      const id = resourceId(resource);
      if (id === "") throw new Error(`a ${kind} put into the store needs its ID`);
      await store.exclusive((tx) => tx.commit([{ kind, id, value: resource }]));
      return toJson(resource);
    },
    delete: (kind, id) =>
      store.exclusive((tx) => {
        if (tx.get(kind, id) === undefined) return false;
        tx.commit([{ kind, id }]);
        return true;
      }),
    clear: () =>
      store.exclusive((tx) =>
        tx.commit(RESOURCE_KINDS.flatMap((kind) => tx.list(kind).map((r) => ({ kind, id: resourceId(r) })))),
      ),
  };
}
