import { describeDestination } from "../match/ruleSummary";
import type { SimulationResult } from "./simulate";

/** Where a call ends up, reduced to what a reviewer compares between revisions. */

export type LandingKind =
  | "room"
  /** Asked for a pin, on the way to the destination of the top pinned rule. */
  | "pin"
  | "dropped"
  /** Rejected after the pin prompt ("wrong pin"). */
  | "rejected"
  | "error"
  /** No pin prompt happens in this revision, so the pin step does not exist. */
  | "no-prompt";

export interface Landing {
  readonly kind: LandingKind;
  /** `room \`x\` (agent \`y\`)`, for `room` and `pin`. */
  readonly destination?: string;
  readonly error?: string;
}

const KIND_BY_OUTCOME = { room: "room", "request-pin": "pin", "no-rule": "dropped", "wrong-pin": "rejected", error: "error" } as const;

export function landingOf(result: SimulationResult): Landing {
  const kind = KIND_BY_OUTCOME[result.outcome];
  return {
    kind,
    ...(result.rule === undefined || kind === "error" ? {} : { destination: describeDestination(result.rule) }),
    ...(result.error === undefined ? {} : { error: result.error.message }),
  };
}

export const NO_PROMPT: Landing = { kind: "no-prompt" };

export const sameLanding = (a: Landing, b: Landing): boolean => a.kind === b.kind && a.destination === b.destination && a.error === b.error;

/** The verb phrase for the new landing; `withoutPin` on the step before any pin prompt. */
export function nowPhrase(landing: Landing, withoutPin: boolean): string {
  switch (landing.kind) {
    case "room":
      return `now land in ${landing.destination}${withoutPin ? " without a pin" : ""}`;
    case "pin":
      return `are now asked for a pin for ${landing.destination}`;
    case "dropped":
      return "are now dropped (no dispatch rule matches)";
    case "rejected":
      return "are now rejected as a wrong pin";
    case "error":
      return `now fail (SIP 503): ${landing.error}`;
    case "no-prompt":
      return "now get no pin prompt";
  }
}

/** The short form for the `(was: …)` part. */
export function wasPhrase(landing: Landing, withoutPin: boolean): string {
  switch (landing.kind) {
    case "room":
      return `${landing.destination}${withoutPin ? ", no pin" : ""}`;
    case "pin":
      return `${landing.destination}, pin required`;
    case "dropped":
      return "dropped";
    case "rejected":
      return "rejected";
    case "error":
      return `failing: ${landing.error}`;
    case "no-prompt":
      return "no pin prompt";
  }
}
