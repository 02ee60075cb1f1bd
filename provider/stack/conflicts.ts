import { dispatchRuleKeys } from "../livekit/dispatchRuleConflicts";
import { normalizeNumber } from "../livekit/numbers";

/** An inbound trunk as the stack-wide checks see it: by name, with what LiveKit keys it on. */
export interface TrunkShape {
  name: string;
  numbers?: readonly string[];
  allowedNumbers?: readonly string[];
}

/** A dispatch rule by name; `trunks` are references that are equal exactly when they name the same trunk. */
export interface RuleShape {
  name: string;
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

const describeKey = (label: string, values: readonly string[] | undefined) => (values?.length ? `${label} ${values.join(", ")}` : `any ${label}`);

/**
 * Dispatch rules LiveKit would refuse as a set: two rules claiming the same (pin, trunk, caller,
 * called number) key, with numbers normalised and rules without trunks applying to all of them
 * (protocol sip.go `DispatchRuleValidator`). Every colliding pair is reported, naming both rules.
 */
export function ruleConflicts(rules: readonly RuleShape[]): StackProblem[] {
  const claimed = new Map<string, RuleShape>();
  const problems: StackProblem[] = [];
  for (const rule of rules) {
    const pin = rule.pin ?? "";
    const reported = new Set<string>();
    for (const key of dispatchRuleKeys({ trunkIds: rule.trunks, inboundNumbers: rule.inboundNumbers, numbers: rule.numbers }, pin)) {
      const owner = claimed.get(key);
      if (!owner) {
        claimed.set(key, rule);
        continue;
      }
      if (reported.has(owner.name)) continue;
      reported.add(owner.name);
      const [, trunk] = JSON.parse(key) as string[];
      const where = trunk === "" ? "every trunk" : `trunk ${trunk}`;
      const self = owner === rule;
      problems.push({
        name: rule.name,
        property: pin ? "rule.pin" : "trunkIds",
        reason: self
          ? `lists the same trunk or number twice, so LiveKit sees two identical routes for ${pin ? `pin ${JSON.stringify(pin)}` : "calls without a pin"} on ${where}; list each once`
          : `${pin ? `pin ${JSON.stringify(pin)}` : "no pin"} on ${where} (${describeKey("caller", rule.inboundNumbers)}, ${describeKey("called number", rule.numbers)}) is already used by dispatch rule "${owner.name}": LiveKit rejects two rules for the same trunk, numbers and pin; change the pin, trunks or numbers of one of them`,
      });
    }
  }
  return problems;
}

/**
 * Inbound trunks LiveKit would refuse as a set: the same normalised number on two trunks unless
 * different allowed caller numbers tell them apart, and two trunks without numbers
 * (protocol sip.go `ValidateTrunksIter`).
 */
export function trunkConflicts(trunks: readonly TrunkShape[]): StackProblem[] {
  const slots = new Map<string, TrunkShape>();
  const problems: StackProblem[] = [];
  for (const trunk of trunks) {
    const called = trunk.numbers?.length ? [...new Set(trunk.numbers.map(normalizeNumber))] : [""];
    const calling = trunk.allowedNumbers?.length ? [...new Set(trunk.allowedNumbers.map(normalizeNumber))] : [""];
    const reported = new Set<string>();
    for (const number of called) {
      for (const caller of calling) {
        const key = JSON.stringify([number, caller]);
        const owner = slots.get(key);
        if (!owner) {
          slots.set(key, trunk);
          continue;
        }
        if (owner === trunk || reported.has(owner.name)) continue;
        reported.add(owner.name);
        problems.push({
          name: trunk.name,
          property: "numbers",
          reason: number
            ? `${number}${caller ? ` from caller ${caller}` : ""} is already answered by inbound trunk "${owner.name}": LiveKit rejects two trunks for the same number unless allowedNumbers tell them apart; remove the number from one trunk or give them different allowedNumbers`
            : `inbound trunk "${owner.name}" also has no numbers: LiveKit accepts only one trunk for any number${caller ? ` from caller ${caller}` : ""}; give one of them numbers or allowedNumbers`,
        });
      }
    }
  }
  return problems;
}
