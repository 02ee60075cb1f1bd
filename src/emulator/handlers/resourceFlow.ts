import type { Timestamp } from "@bufbuild/protobuf";
import { GoError, invalidArgument, toTwirpError, type LiveKitError } from "../../livekit/twirp";
import { createWalk, updateWalk } from "../../livekit/walkOrder";
import { resourceId, type Resources, type ResourceKind } from "../store/resources";
import type { StoreTransaction } from "../store/sipStore";
import { dispatchRuleNotFound, rejectInvalid, trunkNotFound, type HandlerContext } from "./context";

/**
 * The create and update sequences shared by trunks and dispatch rules (livekit
 * `pkg/service/sip.go`): validate the request, then, as one critical section, load, apply,
 * check conflicts, stamp times and commit.
 */

interface Stamped {
  createdAt?: Timestamp;
  updatedAt?: Timestamp;
}

/** The `action` oneof of the Update* requests, as protobuf-es represents it. */
export type UpdateAction<I, U> =
  | { case: "replace"; value: I }
  | { case: "update"; value: U }
  | { case: undefined; value?: undefined };

/** LiveKit's wording differs between trunks and dispatch rules. */
export interface UpdateWords {
  readonly idRequired: string;
  readonly idMismatch: string;
}

export const TRUNK_UPDATE_WORDS: UpdateWords = {
  idRequired: "trunk id must be set",
  idMismatch: "trunk id in the info must be empty or match the id in the update",
};

export const DISPATCH_RULE_UPDATE_WORDS: UpdateWords = {
  idRequired: "rule id must be set",
  idMismatch: "rule id in the info must be empty or match the id in the update",
};

/** `Update…Request.Validate`; a `replace` is validated in full here, an `update` only as a diff. */
export function checkUpdateRequest<I, U>(
  id: string,
  action: UpdateAction<I, U>,
  words: UpdateWords,
  infoId: (info: I) => string | undefined,
  validateInfo: (info: I) => LiveKitError | undefined,
  validateUpdate: (update: U) => LiveKitError | undefined,
): void {
  if (id === "") throw invalidArgument(words.idRequired);
  switch (action.case) {
    case undefined:
      throw invalidArgument("missing or unsupported update action");
    case "replace": {
      const replacementId = infoId(action.value) ?? "";
      if (replacementId !== "" && replacementId !== id) throw invalidArgument(words.idMismatch);
      rejectInvalid(validateInfo(action.value));
      return;
    }
    case "update":
      rejectInvalid(validateUpdate(action.value));
  }
}

/**
 * The new version of a stored resource. `replace` takes the given object with the stored ID
 * (already validated); `update` applies the diff, whose re-validation errors LiveKit returns
 * unwrapped.
 */
export function applyUpdateAction<I extends { clone(): I }, U>(
  stored: I,
  action: UpdateAction<I, U>,
  setId: (info: I) => void,
  applyUpdate: (stored: I, update: U) => I | GoError,
): I {
  if (action.case === "replace") {
    const info = action.value.clone();
    setId(info);
    return info;
  }
  if (action.case !== "update") throw new Error("update action was not checked");
  const result = applyUpdate(stored, action.value);
  if (result instanceof GoError) throw toTwirpError(result);
  return result;
}

/**
 * Stores a new resource: the ID is generated only now, after every check passed, so conflict
 * messages print `<new>` for it as LiveKit's do. In Cloud mode both timestamps are set, as LiveKit
 * Cloud does; the open-source server leaves them as the request had them. Call inside `exclusive`.
 */
export function storeCreated<K extends ResourceKind>(
  ctx: HandlerContext,
  tx: StoreTransaction,
  kind: K,
  info: Resources[K],
  idPrefix: string,
  setId: (info: Resources[K], id: string) => void,
): Resources[K] {
  const id = ctx.idHint?.startsWith(idPrefix) ? ctx.idHint : tx.newId(idPrefix);
  setId(info, id);
  if (ctx.timestamps) {
    const now = ctx.clock.now();
    const stamped: Stamped = info;
    stamped.createdAt = now;
    stamped.updatedAt = now.clone();
  }
  tx.commit([{ kind, id, value: info }]);
  return info;
}

/**
 * Loads, transforms, checks and stores one resource under the store's lock. In Cloud mode
 * `created_at` keeps its stored value (a `replace` cannot rewrite history) and `updated_at` moves
 * forward.
 */
export function storeUpdated<K extends ResourceKind>(
  ctx: HandlerContext,
  kind: K,
  id: string,
  transform: (stored: Resources[K]) => Resources[K],
  check: (updated: Resources[K], tx: StoreTransaction) => void = () => undefined,
): Promise<Resources[K]> {
  return ctx.store.exclusive((tx) => {
    const stored = tx.get(kind, id);
    if (stored === undefined) throw kind === "dispatchRule" ? dispatchRuleNotFound() : trunkNotFound();
    const updated = transform(stored);
    check(updated, tx);
    if (ctx.timestamps) {
      const stamped: Stamped = updated;
      stamped.createdAt = (stored as Stamped).createdAt?.clone() ?? stamped.createdAt;
      stamped.updatedAt = ctx.clock.now();
    }
    tx.commit([{ kind, id, value: updated }]);
    return updated;
  });
}

/** The conflict walk of a create: the stored candidates in ID order, the new resource second. */
export function walkForCreate<K extends ResourceKind>(
  tx: StoreTransaction,
  kind: K,
  created: Resources[K],
  candidate: (stored: Resources[K]) => boolean,
  /** The list-filter keys `candidate` tests (numbers, trunk IDs), to read only what can match. */
  keys: readonly string[] = [],
): Resources[K][] {
  return createWalk(tx.narrowed(kind, keys).filter(candidate), created);
}

/** The conflict walk of an update: stored resources in ID order, the updated one swapped in. */
export function walkForUpdate<K extends ResourceKind>(
  ctx: HandlerContext,
  tx: StoreTransaction,
  kind: K,
  updated: Resources[K],
  candidate: (stored: Resources[K]) => boolean,
): Resources[K][] {
  const id = resourceId(updated);
  return updateWalk(tx.list(kind), updated, (stored) => resourceId(stored) === id, candidate, ctx.ossUpdateConflictGap);
}
