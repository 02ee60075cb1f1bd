import { z } from "zod";
import type { Failure, ResourceDefinition } from "./definition";
import { flag, text, type Field } from "../schema/field";
import { UNKNOWN } from "../schema/unknowns";

type Kind = ResourceDefinition["type"];

/**
 * An input that steers the provider rather than describes the LiveKit object. Controls never reach
 * LiveKit and never count as changes.
 */
interface Control<T, K extends Kind, User extends boolean> {
  /** Set by programs (typed on the kinds' Args, listed in their reference docs, taken by spec entries), or else by the resource classes. */
  user: User;
  /** The kinds whose Args types, reference docs and spec entries have it. */
  kinds: readonly K[];
  /** A user control's type and meaning, as the reference docs show them. */
  field?: Field<T>;
  /** What the reference docs add to `field`'s meaning for one kind. */
  kindDoc?(definition: ResourceDefinition): string;
  /** Why a value is refused, if it is (a value still unknown at preview is checked once known). */
  problem?(value: unknown, definition: ResourceDefinition): string | undefined;
  /** Whether a value given is taken as the control; others are dropped. Default: any. */
  takes?(value: unknown): boolean;
  /** Whether it is kept in the resource's outputs, so a refresh can restore it. Default: yes. */
  stored?: boolean;
  /** The value's type, for the derived types; never set. */
  readonly valueType?: T;
}

const allKinds = ["InboundTrunk", "OutboundTrunk", "DispatchRule", "PhoneNumber"] as const satisfies readonly Kind[];

const user = <T, K extends Kind>(field: Field<T>, rest: Omit<Control<T, K, true>, "user" | "field">): Control<T, K, true> => ({ user: true, field, ...rest });
const internal = <T>(rest: Omit<Control<T, Kind, false>, "user" | "kinds"> = {}): Control<T, Kind, false> => ({ user: false, kinds: allKinds, ...rest });

/** What an adoptId of each kind looks like, and the `lk` command that lists them. */
const adoptIdForms: Record<ResourceDefinition["idField"], { pattern: RegExp; expected: string; listedBy: string }> = {
  sipTrunkId: { pattern: /^ST_[A-Za-z0-9]+$/, expected: "look like ST_xxxxxxxxxxxx", listedBy: "lk sip ... list" },
  sipDispatchRuleId: { pattern: /^SDR_[A-Za-z0-9]+$/, expected: "look like SDR_xxxxxxxxxxxx", listedBy: "lk sip ... list" },
  // LiveKit does not document the format of phone-number IDs; the number itself also names one.
  phoneNumberId: { pattern: /^(\+[1-9]\d{6,14}|[A-Za-z0-9_-]+)$/, expected: "be the number's ID or the number itself in E.164 form, e.g. +14155550100", listedBy: "lk number list" },
};

/** Where users look up IDs of this kind, for messages. */
export const listCommandFor = (definition: ResourceDefinition): string => adoptIdForms[definition.idField].listedBy;

/**
 * Every control argument, defined once: the Args types (`UserControls`), spec entries, the
 * provider's split and check of its inputs, and the reference docs all derive from this table.
 */
export const controls = {
  /**
   * The ID of an existing LiveKit object to take under management: the first `pulumi up` updates
   * it in place instead of creating a second one. (`pulumi import` cannot work for dynamic providers.)
   */
  adoptId: user(text("ID of an existing LiveKit object to take under management on the first `pulumi up` instead of creating a new one."), {
    kinds: allKinds,
    kindDoc: (definition) => {
      const form = adoptIdForms[definition.idField];
      return `It must ${form.expected} (see \`${form.listedBy}\`).`;
    },
    problem: (value, definition) => {
      const form = adoptIdForms[definition.idField];
      const ok = z.string().regex(form.pattern).safeParse(value).success;
      return ok ? undefined : `"${String(value)}" is not a LiveKit ${definition.noun} ID: it must ${form.expected} (see \`${form.listedBy}\`)`;
    },
  }),
  /**
   * Accept SIP user names and extensions where phone numbers are expected. Risky: LiveKit compares
   * dispatch-rule numbers exactly at call time, so a number written differently from what the
   * carrier sends never matches.
   */
  allowNonE164Numbers: user(
    flag(
      "Accept SIP user names and extensions where phone numbers are expected. Risky: LiveKit compares dispatch-rule numbers exactly at call time, so a number written differently from what the carrier sends never matches.",
    ),
    {
      // A PhoneNumber's number is always E.164 (LiveKit only sells those): its provider takes the
      // control, as every control, but it changes nothing there.
      kinds: ["InboundTrunk", "OutboundTrunk", "DispatchRule"],
      problem: (value) => (typeof value === "boolean" ? undefined : "must be true or false"),
    },
  ),
  /** The Pulumi resource name, which the engine does not pass to dynamic providers. */
  __resourceName: internal<string>(),
  /** The resource's URN, which the native provider has from the engine: its warnings are the resource's diagnostics. */
  __urn: internal<string>({ stored: false }),
  /** Conflicts with other resources of the same program, found where the program declares them. */
  __stackProblems: internal<Failure[]>({ takes: Array.isArray, stored: false }),
};

type Table = typeof controls;
export type ControlName = keyof Table;
type ValueOf<C> = C extends { readonly valueType?: infer T } ? T : never;

/** Every control's value, as the provider reads them from its inputs. */
export type Controls = { -readonly [N in keyof Table]?: ValueOf<Table[N]> };

type UserNames<K extends Kind> = { [N in ControlName]: Table[N] extends Control<infer _Value, infer Kinds, true> ? ([K] extends [Kinds] ? N : never) : never }[ControlName];

/** The controls programs (and spec entries) set on resources of kind `K`. */
export type UserControls<K extends Kind> = Pick<Controls, UserNames<K>>;

/** The controls programs set, on resources of any kind. */
export type AnyUserControls = Pick<Controls, { [N in ControlName]: Table[N] extends Control<infer _Value, infer _Kinds, true> ? N : never }[ControlName]>;

export const controlNames = Object.keys(controls) as ControlName[];

const controlOf = (name: ControlName): Control<unknown, Kind, boolean> => controls[name] as Control<unknown, Kind, boolean>;

/** The controls kept in a resource's outputs, which a refresh turns back into inputs. */
export const storedControlNames: readonly ControlName[] = controlNames.filter((name) => controlOf(name).stored !== false);

/** The controls the resource classes set, never programs: a provider that knows the resource's name itself needs none of them. */
export const internalControlNames: readonly ControlName[] = controlNames.filter((name) => !controlOf(name).user);

/** The controls programs set on resources of a kind. */
export const userControlNames = (kind: Kind): ControlName[] => controlNames.filter((name) => controlOf(name).user && controlOf(name).kinds.includes(kind));

function take(inputs: Record<string, unknown>, names: readonly ControlName[]): { controls: Controls; args: Record<string, unknown> } {
  const taken: Record<string, unknown> = {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (!(names as readonly string[]).includes(key)) args[key] = value;
    else if (value !== undefined && (controlOf(key as ControlName).takes?.(value) ?? true)) taken[key] = value;
  }
  return { controls: taken as Controls, args };
}

/** The controls programs set, of any kind, that `values` holds (a resource's controls, a review tool's record of one). */
export function userControlsIn(values: object): AnyUserControls {
  const source = values as Record<string, unknown>;
  return Object.fromEntries(controlNames.filter((name) => controlOf(name).user && source[name] !== undefined).map((name) => [name, source[name]]));
}

/** A resource's inputs as the provider gets them: its controls, and the arguments for LiveKit. */
export function splitControls(inputs: Record<string, unknown>): { controls: Controls; args: Record<string, unknown> } {
  const { __provider, ...rest } = inputs;
  void __provider;
  return take(rest, controlNames);
}

/** A spec entry of a kind: the controls programs may set on it, and the rest. */
export function splitUserControls(kind: Kind, entry: Record<string, unknown>): { controls: Controls; args: Record<string, unknown> } {
  return take(entry, userControlNames(kind));
}

export function validateControls(definition: ResourceDefinition, values: Controls): Failure[] {
  return controlNames.flatMap((name) => {
    const value: unknown = values[name];
    if (value === undefined || value === UNKNOWN) return [];
    const reason = controlOf(name).problem?.(value, definition);
    return reason === undefined ? [] : [{ property: name, reason }];
  });
}

/** The rows the reference docs add for a kind's user controls, as schema fields. */
export function userControlFields(definition: ResourceDefinition): Record<string, Field<unknown>> {
  return Object.fromEntries(
    userControlNames(definition.type).map((name) => {
      const control = controlOf(name);
      const field = control.field!;
      return [name, control.kindDoc ? { ...field, doc: `${field.doc} ${control.kindDoc(definition)}` } : field];
    }),
  );
}
