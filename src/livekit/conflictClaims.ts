import { dispatchRuleKeys } from "./dispatchRuleConflicts";
import { normalizeNumber } from "./numbers";

/** An inbound trunk as the conflict checks see it: by name, with what LiveKit keys it on. */
export interface TrunkShape {
  name: string;
  /** LiveKit's ID, for objects that exist (so an update can ignore its own old claims). */
  id?: string;
  numbers?: readonly string[];
  allowedNumbers?: readonly string[];
}

/** A dispatch rule by name; `trunks` are references that are equal exactly when they name the same trunk. */
export interface RuleShape {
  name: string;
  id?: string;
  trunks?: readonly string[];
  pin?: string;
  inboundNumbers?: readonly string[];
  numbers?: readonly string[];
}

export interface StackProblem {
  /** The resource the problem is reported on (the later of the two, in declaration order). */
  name: string;
  property: string;
  reason: string;
}

interface Named {
  name: string;
  id?: string;
}

/**
 * The keys LiveKit's conflict checks give each object, claimed in declaration order. Looking up a
 * new object costs its own keys, not the size of the estate, so checking a whole program or
 * deployment grows linearly.
 */
export class Claims<T extends Named> {
  private readonly owners = new Map<string, T>();
  /** Keys owned by objects that exist, by ID, so an update or delete can give them back. */
  private readonly keysById = new Map<string, string[]>();

  constructor(
    private readonly keysOf: (item: T) => string[],
    private readonly describe: (item: T, key: string, owner: T) => Omit<StackProblem, "name">,
  ) {}

  /** What `item` collides with (itself included, for a key it lists twice), ignoring `except`'s claims. */
  collisions(item: T, except?: (owner: T) => boolean): StackProblem[] {
    const problems: StackProblem[] = [];
    const reported = new Set<T>();
    const own = new Set<string>();
    for (const key of this.keysOf(item)) {
      const claimed = this.owners.get(key);
      const owner = claimed && !except?.(claimed) && claimed !== item ? claimed : own.has(key) ? item : undefined;
      own.add(key);
      if (!owner || reported.has(owner)) continue;
      reported.add(owner);
      problems.push({ name: item.name, ...this.describe(item, key, owner) });
    }
    return problems;
  }

  /** Reports `item`'s collisions, then records its keys (a key keeps its first owner). */
  claim(item: T): StackProblem[] {
    const problems = this.collisions(item);
    const owned: string[] = [];
    for (const key of this.keysOf(item)) {
      if (this.owners.has(key)) continue;
      this.owners.set(key, item);
      owned.push(key);
    }
    if (item.id) this.keysById.set(item.id, owned);
    return problems;
  }

  /** Gives back the keys of an existing object (deleted, or about to be claimed in a new shape). */
  release(id: string): void {
    for (const key of this.keysById.get(id) ?? []) this.owners.delete(key);
    this.keysById.delete(id);
  }
}

const describeKey = (label: string, values: readonly string[] | undefined) => (values?.length ? `${label} ${values.join(", ")}` : `any ${label}`);

/**
 * Dispatch rules: (pin, trunk, caller, called number) with numbers normalised, a rule without
 * trunks applying to all of them (protocol sip.go `DispatchRuleValidator`).
 */
export const ruleClaims = () =>
  new Claims<RuleShape>(
    (rule) => dispatchRuleKeys({ trunkIds: rule.trunks, inboundNumbers: rule.inboundNumbers, numbers: rule.numbers }, rule.pin ?? ""),
    (rule, key, owner) => {
      const pin = rule.pin ?? "";
      const [, trunk] = JSON.parse(key) as string[];
      const where = trunk === "" ? "every trunk" : `trunk ${trunk}`;
      const what = pin ? `pin ${JSON.stringify(pin)}` : "no pin";
      return {
        property: pin ? "rule.pin" : "trunkIds",
        reason:
          owner === rule
            ? `lists the same trunk or number twice, so LiveKit sees two identical routes for ${pin ? `pin ${JSON.stringify(pin)}` : "calls without a pin"} on ${where}; list each once`
            : `${what} on ${where} (${describeKey("caller", rule.inboundNumbers)}, ${describeKey("called number", rule.numbers)}) is already used by dispatch rule "${owner.name}": LiveKit rejects two rules for the same trunk, numbers and pin; change the pin, trunks or numbers of one of them`,
      };
    },
  );

/**
 * Inbound trunks: a slot per (normalised number, normalised allowed caller), `""` for none, so the
 * same number on two trunks conflicts unless allowed numbers tell them apart, and two trunks
 * without numbers conflict (protocol sip.go `ValidateTrunksIter`).
 */
export const trunkClaims = () =>
  new Claims<TrunkShape>(
    (trunk) => {
      const called = trunk.numbers?.length ? [...new Set(trunk.numbers.map(normalizeNumber))] : [""];
      const calling = trunk.allowedNumbers?.length ? [...new Set(trunk.allowedNumbers.map(normalizeNumber))] : [""];
      return called.flatMap((number) => calling.map((caller) => JSON.stringify([number, caller])));
    },
    (_trunk, key, owner) => {
      const [number, caller] = JSON.parse(key) as string[];
      return {
        property: "numbers",
        reason: number
          ? `${number}${caller ? ` from caller ${caller}` : ""} is already answered by inbound trunk "${owner.name}": LiveKit rejects two trunks for the same number unless allowedNumbers tell them apart; remove the number from one trunk or give them different allowedNumbers`
          : `inbound trunk "${owner.name}" also has no numbers: LiveKit accepts only one trunk for any number${caller ? ` from caller ${caller}` : ""}; give one of them numbers or allowedNumbers`,
      };
    },
  );

/** Every conflict in a set of rules, in declaration order. */
export function ruleConflicts(rules: readonly RuleShape[]): StackProblem[] {
  const claims = ruleClaims();
  return rules.flatMap((rule) => claims.claim(rule));
}

/** Every conflict in a set of inbound trunks, in declaration order. */
export function trunkConflicts(trunks: readonly TrunkShape[]): StackProblem[] {
  const claims = trunkClaims();
  return trunks.flatMap((trunk) => claims.claim(trunk));
}
