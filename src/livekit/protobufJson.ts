import type { Any, Duration, Empty, FieldMask, JsonObject, JsonValue, ListValue, Message, Struct, Timestamp, Value } from "@bufbuild/protobuf";

/**
 * The protobuf JSON of LiveKit's messages as types, derived from the message classes of
 * `@livekit/protocol` (protobuf-es 1), whose `fromJson` and `toJson` are typed only as `JsonValue`.
 * Names are the JSON (camelCase) names; the rules are protobuf's JSON mapping as protobuf-es writes
 * it: 64-bit integers, bytes, enums, `Timestamp` and `Duration` as strings, a oneof as the one
 * member's own key. (A `double` that is NaN or infinite is written as a string; LiveKit's SIP
 * messages hold none.)
 */

/** Whether A and B are the same type, not merely assignable to each other (an enum is not `number`). */
type Same<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** `out`: what `toJson({ emitDefaultValues: true })` writes; `in`: what a request may send. */
type Direction = "in" | "out";

/** The properties of a message that are fields (a message class's methods are not). */
type FieldKey<T> = Exclude<keyof T, keyof Message>;

/** A oneof is a property `{ case, value }`; its JSON is the chosen member under the member's name. */
type IsOneof<V> = [V] extends [{ case: string | undefined }] ? true : false;
type OneofMember<V> = V extends { case: infer C extends string; value: infer X } ? [C, X] : never;

type PlainKey<T> = { [K in FieldKey<T>]: IsOneof<T[K]> extends true ? never : K }[FieldKey<T>];
/** Fields with explicit presence (messages, `optional` scalars): left out when unset, even with defaults emitted. */
type PresenceKey<T> = { [K in PlainKey<T>]: {} extends Pick<T, K> ? K : never }[PlainKey<T>];
type OneofMembers<T> = { [K in FieldKey<T>]: OneofMember<T[K]> }[FieldKey<T>];

type ScalarJson<V, D extends Direction> = V extends string
  ? string
  : V extends boolean
    ? boolean
    : V extends bigint
      ? D extends "in"
        ? string | number
        : string
      : V extends number
        ? Same<V, number> extends true
          ? number
          : // A protobuf enum: its value's name.
            string
        : V extends Uint8Array
          ? string
          : never;

/** The JSON of one field's value (of each element, for repeated fields and maps). */
type ValueJson<V, D extends Direction> = [V] extends [string | boolean | bigint | number | Uint8Array]
  ? ScalarJson<V, D>
  : Same<V, Timestamp> extends true
    ? string
    : Same<V, Duration> extends true
      ? string
      : Same<V, FieldMask> extends true
        ? string
        : Same<V, Struct> extends true
          ? JsonObject
          : Same<V, Value> extends true
            ? JsonValue
            : Same<V, ListValue> extends true
              ? JsonValue[]
              : Same<V, Any> extends true
                ? JsonObject
                : Same<V, Empty> extends true
                  ? Record<string, never>
                  : V extends readonly (infer E)[]
                    ? ValueJson<E, D>[]
                    : V extends Message<infer M>
                      ? JsonOf<M, D>
                      : V extends { [key: string]: infer E }
                        ? { [key: string]: ValueJson<E, D> }
                        : never;

type JsonOf<T, D extends Direction> = D extends "out" ? MessageJson<T> : MessageJsonInput<T>;

/**
 * A message as `toJson({ emitDefaultValues: true })` writes it: every field, defaults included,
 * except those with explicit presence that are unset (nested messages, `optional` scalars, oneofs).
 */
export type MessageJson<T> = Simplify<
  { [K in Exclude<PlainKey<T>, PresenceKey<T>>]: ValueJson<T[K], "out"> } & {
    [K in PresenceKey<T>]?: ValueJson<NonNullable<T[K]>, "out">;
  } & { [M in OneofMembers<T> as M[0]]?: ValueJson<M[1], "out"> }
>;

/**
 * A message as a request may send it to `fromJson`: any of its fields, at any depth, in the form
 * `toJson` writes (fromJson also reads enum numbers and proto field names, which this package never sends).
 */
export type MessageJsonInput<T> = Simplify<
  { [K in PlainKey<T>]?: ValueJson<NonNullable<T[K]>, "in"> } & { [M in OneofMembers<T> as M[0]]?: ValueJson<M[1], "in"> }
>;
