import { z } from "zod";
import { allowedAddressProblem } from "../livekit/checks/addresses";
import { countryProblem } from "../livekit/checks/country";
import { hostPortProblem } from "../livekit/checks/hosts";
import { e164Problem, sipUserProblem, toE164 } from "../livekit/checks/phoneNumbers";
import { pinProblem } from "../livekit/checks/pins";
import { normalizeNumber } from "../livekit/numbers";
import { maxListLength, refined, strings, text, type Field } from "./field";

/** Issues that `allowNonE164Numbers` turns off, for SIP user names and extensions. */
export const nonE164 = { nonE164: true } as const;

/**
 * Phone numbers, validated as real E.164 numbers and sent in canonical spelling. Entries that are
 * the same number once normalised are refused: LiveKit would treat them as one, and the list then
 * says less than it seems to.
 */
export function phoneNumbers(doc: string): Field<string[]> {
  const list = z
    .array(z.string())
    .max(maxListLength)
    .superRefine((numbers, ctx) => {
      const seen = new Map<string, number>();
      numbers.forEach((value, i) => {
        const problem = e164Problem(value);
        const asSipUser = sipUserProblem(value);
        if (problem) {
          ctx.addIssue({ code: "custom", path: [i], message: asSipUser ? problem : `${problem} (set allowNonE164Numbers: true for SIP user names or extensions)`, params: asSipUser ? undefined : nonE164 });
        }
        const key = normalizeNumber(toE164(value));
        const first = seen.get(key);
        if (first !== undefined) {
          ctx.addIssue({ code: "custom", path: [i], message: `${JSON.stringify(value)} is the same number as entry ${first} (${JSON.stringify(numbers[first])}); list it once` });
        } else seen.set(key, i);
      });
    });
  return refined(strings(`${doc} E.164, e.g. \`+14155550100\`.`, { ordered: false, normalize: toE164 }), list);
}

/** One phone number, a real E.164 number (no opt-out: LiveKit only sells those), sent in canonical spelling. */
export const phoneNumber = (doc: string) =>
  refined(
    text(`${doc} E.164, e.g. \`+14155550100\`.`),
    z.string().superRefine((value, ctx) => {
      const problem = e164Problem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    toE164,
  );

/** A pin callers type on the keypad; empty means no pin. */
export const pin = () =>
  refined(
    text("Digits callers must enter (then `#`) to be admitted: 1 to 16 of 0-9, *, A-D; empty: no pin."),
    z.string().superRefine((value, ctx) => {
      const problem = pinProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  );

export const allowedAddresses = () =>
  refined(
    strings("IP addresses, CIDR ranges or hostnames (matched against the From host) that may send calls. Empty: any.", { ordered: false }),
    z
      .array(z.string())
      .max(maxListLength)
      .superRefine((entries, ctx) =>
        entries.forEach((entry, i) => {
          const problem = allowedAddressProblem(entry);
          if (problem) ctx.addIssue({ code: "custom", path: [i], message: problem });
        }),
      ),
  );

/** `host` or `host:port`; empty means unset, which a required field refuses separately. */
export const hostAndPort = (doc: string, what: string) =>
  refined(
    text(doc),
    z.string().superRefine((value, ctx) => {
      const problem = value === "" ? undefined : hostPortProblem(value, what);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  );

export const country = (doc: string) =>
  refined(
    text(doc),
    z.string().superRefine((value, ctx) => {
      const problem = value === "" ? undefined : countryProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    (value) => value.toUpperCase(),
  );
