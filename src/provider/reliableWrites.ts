import { isTransient, LiveKitApiError } from "../client/errors";
import { withRetries, type RetryPolicy } from "../client/retry";
import type { SipApi } from "../client/sipApi";
import type { LiveObject, ResourceDefinition, SchemaWire } from "../resources/definition";
import { changedFields, reviewIdentity } from "./changes";
import { listCommandFor } from "../resources/controls";
import type { KnownObjects } from "./knownObjects";
import type { Owners } from "./owners";

type Props = Record<string, unknown>;

export interface Connection {
  api: SipApi;
  retry: RetryPolicy;
  /** LiveKit's objects as this process knows them, for the conflict pre-check. */
  known: KnownObjects;
  /** Which resource of the deployment holds which object, so no two ever share one. */
  owners: Owners;
}

/** Allowance for the difference between our clock and LiveKit's when reading `createdAt`. */
const clockSkewMs = 60_000;

/** Why a write failed, and what LiveKit holds now; the message says what was and was not applied. */
export class WriteOutcomeError extends Error {
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

function matches(definition: ResourceDefinition, object: LiveObject, args: Props): boolean {
  const live = definition.schema.fromWire(object) ?? {};
  const identity = reviewIdentity(definition, live, args);
  return changedFields(definition, live, args).length === 0 && identity.replaces.length === 0 && identity.warnings.length === 0;
}

/**
 * Any transient failure may hide an applied write: a lost answer, a 5xx after the store, or a
 * proxy's rate-limit answer that raced the server's. Checking costs one read, only on failure.
 */
const mayHaveApplied = isTransient;

/** LiveKit's conflict answers, which a retried create meets when its first attempt was applied. */
const isConflict = (error: unknown) =>
  error instanceof LiveKitApiError && /^(Conflicting inbound SIP Trunks|Dispatch rule for the same trunk)/.test(error.detail);

/**
 * Creates without ever leaving a duplicate, and without ever taking an object another resource
 * holds. LiveKit has no idempotency key, so after a failure that may have been applied we look for
 * the object the lost attempt made: same settings, created since this operation started, held by
 * no other resource of this deployment, before trying again. See docs/reliability.md.
 */
export async function createIdempotently(definition: ResourceDefinition, connection: Connection, args: Props, wire: SchemaWire, owner: string): Promise<LiveObject> {
  const created = await createWithoutDuplicate(definition, connection, args, wire, owner);
  await connection.known.remember(definition, idOf(definition, created), created);
  return created;
}

async function createWithoutDuplicate(definition: ResourceDefinition, connection: Connection, args: Props, wire: SchemaWire, owner: string): Promise<LiveObject> {
  const startedAt = Date.now();
  const { owners } = connection;
  const requests = new Set<Promise<LiveObject>>();
  /** An identical object made since this create started that no other resource holds, claimed for this one. */
  const findOwn = async (): Promise<LiveObject | undefined> => {
    // Another create of this kind with an answer still to come may get back an object that
    // looks like ours: wait for it, so what it gets is claimed first.
    await owners.othersSettled(definition.type, requests);
    const items = await definition.livekit.list(connection.api);
    // Without creation times (open-source LiveKit), what the deployment's pre-check listed is
    // what surely is not ours.
    const existing = await connection.known.existing(definition);
    const own = items.filter((item) => {
      const id = idOf(definition, item);
      return matches(definition, item, args) && createdSince(item, startedAt - clockSkewMs) && !existing?.has(id) && [undefined, owner].includes(owners.holder(id));
    });
    if (own.length > 1) {
      const ids = own.map((o) => idOf(definition, o)).join(", ");
      throw new WriteOutcomeError(
        `create's answers were lost, and ${own.length} ${definition.noun}s with these settings appeared meanwhile (${ids}): one may be another stack's, so none is taken. ` +
          `Keep the one that is this resource's by setting adoptId to its ID, delete the duplicates that no stack manages (\`${listCommandFor(definition)}\`), and run \`pulumi up\` again.`,
        undefined,
      );
    }
    if (own.length === 1) owners.claim(idOf(definition, own[0]), owner);
    return own[0];
  };
  let attempts = 0;
  const attempt = () => {
    attempts++;
    const request = owners.track(definition.type, definition.livekit.create(connection.api, wire));
    requests.add(request);
    return request;
  };
  try {
    const created = await withRetries(connection.retry, `create ${definition.noun}`, attempt, (error) => (mayHaveApplied(error) ? findOwn() : Promise.resolve(undefined)));
    return claimCreated(definition, connection, created, owner, findOwn);
  } catch (error) {
    if (error instanceof WriteOutcomeError) throw error;
    // A conflict on a retry may be with our own earlier attempt that no read could see yet.
    if (attempts > 1 && isConflict(error)) {
      const own = await findOwn();
      if (own !== undefined) return own;
    }
    if (!mayHaveApplied(error)) throw error;
    let own: LiveObject | undefined;
    try {
      own = await findOwn();
    } catch (lookup) {
      if (lookup instanceof WriteOutcomeError) throw lookup;
      throw new WriteOutcomeError(
        `create failed (${(error as Error).message}) and LiveKit could not be asked whether the ${definition.noun} was created. ` +
          `Look for it (\`${listCommandFor(definition)}\`); if it exists, set adoptId to its ID before the next \`pulumi up\`, otherwise just run it again.`,
        error,
      );
    }
    if (own !== undefined) return own;
    throw new WriteOutcomeError(`create failed (${(error as Error).message}); nothing was created (LiveKit has no such ${definition.noun}). Run \`pulumi up\` again.`, error);
  }
}

/**
 * The object a create's answer names, claimed for the resource. Another resource of the
 * deployment may have taken it already, looking for its own lost create among identical objects:
 * that one's object is then ours, and identical.
 */
async function claimCreated(
  definition: ResourceDefinition,
  connection: Connection,
  created: LiveObject,
  owner: string,
  findOwn: () => Promise<LiveObject | undefined>,
): Promise<LiveObject> {
  const id = idOf(definition, created);
  if (connection.owners.claim(id, owner)) return created;
  const swapped = await findOwn();
  if (swapped !== undefined) return swapped;
  throw new WriteOutcomeError(
    `LiveKit created ${id} for this resource, but ${connection.owners.holder(id)} of this deployment holds it and no other ${definition.noun} with these settings exists. ` +
      `Run \`pulumi refresh\`, then \`pulumi up\`.`,
    undefined,
  );
}

/**
 * Replaces in place (retried by the API layer: a replace is idempotent). When the last attempt's
 * answer was lost, the live object tells whether it was applied.
 */
export async function replaceVerified(definition: ResourceDefinition, connection: Connection, id: string, args: Props, wire: SchemaWire): Promise<LiveObject> {
  const replaced = await replaceOrExplain(definition, connection, id, args, wire);
  await connection.known.remember(definition, id, replaced);
  return replaced;
}

async function replaceOrExplain(definition: ResourceDefinition, connection: Connection, id: string, args: Props, wire: SchemaWire): Promise<LiveObject> {
  try {
    return await definition.livekit.replace(connection.api, id, wire);
  } catch (error) {
    if (!mayHaveApplied(error)) throw error;
    const live = await definition.livekit.get(connection.api, id).catch(() => undefined);
    if (live !== undefined && matches(definition, live, args)) return live;
    throw new WriteOutcomeError(
      `update failed (${(error as Error).message}); it was not applied: LiveKit still has the previous settings, and Pulumi's state says so too. Run \`pulumi up\` again.`,
      error,
    );
  }
}

/** Deletes (retried by the API layer); when the last answer was lost, checks whether it is gone. */
export async function removeVerified(definition: ResourceDefinition, connection: Connection, id: string): Promise<void> {
  await removeOrExplain(definition, connection, id);
  await connection.known.remember(definition, id, undefined);
}

async function removeOrExplain(definition: ResourceDefinition, connection: Connection, id: string): Promise<void> {
  try {
    await definition.livekit.remove(connection.api, id);
  } catch (error) {
    if (!mayHaveApplied(error)) throw error;
    const live = await definition.livekit.get(connection.api, id).catch(() => "unknown" as const);
    if (live === undefined) return;
    const state = live === "unknown" ? "LiveKit could not be asked whether it is gone" : "it still exists";
    throw new WriteOutcomeError(`delete of ${definition.noun} ${id} failed (${(error as Error).message}); ${state}. Run \`pulumi destroy\` or \`pulumi up\` again.`, error);
  }
}

function createdAtMs(object: LiveObject): number {
  const stamp = object?.createdAt;
  return typeof stamp === "string" ? Date.parse(stamp) : NaN;
}

/** Servers that do not report creation times (open-source LiveKit) cannot be narrowed by time. */
function createdSince(object: LiveObject, since: number): boolean {
  const at = createdAtMs(object);
  return Number.isNaN(at) || at >= since;
}

const idOf = (definition: ResourceDefinition, object: LiveObject) => String(object?.[definition.idField] ?? "?");
