import { randomBytes } from "node:crypto";
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
 * Creates without ever leaving a duplicate, and without ever taking an object that is not this
 * create's: another resource's of this deployment, or another stack's. LiveKit has no idempotency
 * key, so after a failure that may have been applied we look for the object the lost attempt made
 * before trying again: by the create's mark for the kinds that have one, otherwise by settings and
 * age. See docs/reliability.md.
 */
export async function createIdempotently(definition: ResourceDefinition, connection: Connection, args: Props, wire: SchemaWire, owner: string): Promise<LiveObject> {
  const created = definition.creationMark
    ? await createMarked(definition, connection, args, wire, owner, definition.creationMark)
    : await createWithoutDuplicate(definition, connection, args, wire, owner);
  await connection.known.remember(definition, idOf(definition, created), created);
  return created;
}

/**
 * The value a create sends in the mark field: unique to this create, and telling anyone who lists
 * LiveKit meanwhile what the object is.
 */
const creationMarkFor = (owner: string) => `${creationMarkPrefix}${owner.slice(0, 80)} #${randomBytes(12).toString("base64url")}`;

/** How every creation mark begins: an object named so was left by a create that did not finish. */
const creationMarkPrefix = "pulumi-livekit-sip creating ";

/**
 * A create whose object carries the create's own mark until it has its settings: only this
 * create's attempts can have made an object with that mark, so what a lost answer made is found
 * for certain, and never confused with an identical object another resource or stack created.
 */
async function createMarked(definition: ResourceDefinition, connection: Connection, args: Props, wire: SchemaWire, owner: string, field: "name"): Promise<LiveObject> {
  const mark = creationMarkFor(owner);
  const markedObjects = async () => (await definition.livekit.list(connection.api)).filter((item) => item?.[field] === mark);
  const { created, retried } = await sendCreate(
    definition,
    connection,
    () => definition.livekit.create(connection.api, { ...wire, [field]: mark }),
    async () => (await markedObjects())[0],
  );
  const id = idOf(definition, created);
  // An attempt LiveKit applied after we gave up on it made a second object: ours for certain, and a duplicate.
  if (retried) for (const extra of await markedObjects()) if (idOf(definition, extra) !== id) await removeVerified(definition, connection, idOf(definition, extra));
  connection.owners.claim(id, owner);
  try {
    return await replaceOrExplain(definition, connection, id, args, wire);
  } catch (error) {
    throw new WriteOutcomeError(
      `LiveKit created ${definition.noun} ${id} for this resource, but could not then set its name (${(error as Error).message}); it is named "${mark}". ` +
        `Set adoptId to "${id}" and run \`pulumi up\` again to take it over, or delete it (\`${listCommandFor(definition)}\` shows it).`,
      error,
    );
  }
}

/**
 * Sends a create, with retries. Before each retry, and once more when retries run out on a failure
 * that may have been applied, `findOwn` looks for what an earlier attempt made; so does a retry
 * that meets a conflict, which may be with our own earlier attempt.
 */
async function sendCreate(
  definition: ResourceDefinition,
  connection: Connection,
  send: () => Promise<LiveObject>,
  findOwn: () => Promise<LiveObject | undefined>,
): Promise<{ created: LiveObject; retried: boolean }> {
  let attempts = 0;
  const attempt = () => {
    attempts++;
    return send();
  };
  try {
    const created = await withRetries(connection.retry, `create ${definition.noun}`, attempt, (error) => (mayHaveApplied(error) ? findOwn() : Promise.resolve(undefined)));
    return { created, retried: attempts > 1 };
  } catch (error) {
    if (error instanceof WriteOutcomeError) throw error;
    if (attempts > 1 && isConflict(error)) {
      const own = await findOwn();
      if (own !== undefined) return { created: own, retried: true };
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
    if (own !== undefined) return { created: own, retried: true };
    throw new WriteOutcomeError(`create failed (${(error as Error).message}); nothing was created (LiveKit has no such ${definition.noun}). Run \`pulumi up\` again.`, error);
  }
}

/**
 * For kinds without a creation mark (phone numbers): a lost attempt's object is one with the
 * desired settings, created since this operation started, held by no other resource of this
 * deployment.
 */
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
    const own = items.filter((item) => {
      const id = idOf(definition, item);
      return matches(definition, item, args) && createdSince(item, startedAt - clockSkewMs) && [undefined, owner].includes(owners.holder(id));
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
  const send = () => {
    const request = owners.track(definition.type, definition.livekit.create(connection.api, wire));
    requests.add(request);
    return request;
  };
  const { created } = await sendCreate(definition, connection, send, findOwn);
  return claimCreated(definition, connection, created, owner, findOwn);
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
