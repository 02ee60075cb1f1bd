import type { ObjectField, ObjectValue, ObjectWire, Fields } from "../schema/composite";
import type { SipApi } from "../client/sipApi";
import type { Claims } from "../livekit/conflictClaims";

import type { Failure } from "../schema/failure";

export type { Failure };

export interface IdentityReview {
  replaces: string[];
  warnings: string[];
}

/** An object as LiveKit's answers hold it: its message's camelCase JSON, defaults included. */
export type LiveObject = Record<string, unknown>;

/**
 * The few LiveKit calls that differ between resource kinds; everything else is generic. `Wire` is
 * what the kind's schema sends (`schema.toWire`), which each call passes to a typed LiveKit method.
 */
export interface LiveKitBinding<Wire> {
  create(api: SipApi, wire: Wire): Promise<LiveObject>;
  replace(api: SipApi, id: string, wire: Wire): Promise<LiveObject>;
  /** The live object, or undefined when LiveKit has no object with this ID. */
  get(api: SipApi, id: string): Promise<LiveObject | undefined>;
  /** Deletes; an object that is already gone is not an error. */
  remove(api: SipApi, id: string): Promise<void>;
  /** Every object of this kind in the project. */
  list(api: SipApi): Promise<LiveObject[]>;
}

export interface ResourceDefinition<F extends Fields = Fields> {
  /** The type name in `pulumi-nodejs:dynamic/livekit:<type>`. */
  type: "InboundTrunk" | "OutboundTrunk" | "DispatchRule" | "PhoneNumber";
  /** How messages name the kind of object: "inbound trunk". */
  noun: string;
  /** The output that holds LiveKit's ID (also the Pulumi resource ID). */
  idField: "sipTrunkId" | "sipDispatchRuleId" | "phoneNumberId";
  schema: ObjectField<F>;
  /** What LiveKit reports besides the arguments (a number's status); outputs only, never compared. */
  outputs?: ObjectField<Fields>;
  /**
   * For objects whose identity is set at create (a phone number): given the stored outputs and the
   * new arguments, the properties whose change needs a different object, which Pulumi then
   * replaces, and warnings about arguments the existing object does not match but keeps.
   * Without it every change is made in place.
   */
  reviewIdentity?(previous: Record<string, unknown>, next: ObjectValue<F>): IdentityReview;
  /**
   * The arguments `reviewIdentity` guards, which an update never changes: the object keeps what
   * it was created with (the number bought, whatever search found it). The native provider's
   * preview of an update predicts their old outputs.
   */
  setAtCreate?: readonly (keyof F & string)[];
  /**
   * The arguments a program declares for an object that exists (what `pulumi import` records),
   * from what LiveKit reports of it. Without it: every argument that differs from LiveKit's default.
   */
  declaredArgs?(live: ObjectValue<F>): Partial<ObjectValue<F>>;
  /** Rules that involve several fields; each reports the property that should change. */
  crossFieldRules?(args: ObjectValue<F>): Failure[];
  /** Legal but risky settings, reported without failing the preview. */
  warnings?(args: ObjectValue<F>): string[];
  /**
   * How LiveKit's conflict rules see objects of this kind (kinds LiveKit does not conflict-check
   * have none): for a program's stack-wide checks at preview (pulumi/programChecks.ts), a spec's
   * (stack/validateSpec.ts), and the pre-check before create and update against what already
   * exists (provider/knownObjects.ts).
   */
  conflicts?: {
    claims(): Claims<{ name: string; id?: string }>;
    /** The arguments `shape` reads, which a program's checks wait for (and no other). */
    reads: readonly (keyof F & string)[];
    /**
     * The object as the claims see it, from its arguments (those in `reads`); `label` names it in
     * messages. The kind's one builder of its shape: every check above calls it.
     */
    shape(args: ObjectValue<F>, label: string, id?: string): { name: string; id?: string };
  };
  /**
   * A field LiveKit stores but never acts on (a trunk's or rule's name). A create sends it holding
   * a mark unique to that create, then sets the real value: after a lost answer the mark tells the
   * object that create made from every other, this stack's or another's (provider/reliableWrites.ts).
   * Kinds without one (a phone number, whose number is its identity) are told apart by settings and age.
   */
  creationMark?: "name";
  /** Why a property users reach for does not exist on this resource, keyed by property name. */
  missingPropertyHints?: Record<string, string>;
  livekit: LiveKitBinding<ObjectWire<F>>;
}

/** What a schema of any kind sends: the message's JSON by field name. */
export type SchemaWire = ObjectWire<Fields>;

export type ArgsOf<D> = D extends ResourceDefinition<infer F> ? ObjectValue<F> : never;
