import type { PlanOutboundTrunk } from "./planOutbound";
import type { PlanRule } from "./planRules";
import type { PlanTrunk } from "./planTrunk";
import type { ObjectRef } from "../refs";
import type { RoutingConfig } from "../types";

/**
 * The routing table of a configuration: for each called number, which trunks take the call and
 * which dispatch rules then decide, best first, with where each sends the caller. Deterministic
 * and JSON-serializable, so it can be stored, compared and rendered.
 */

export type PlanRouteKind =
  /** A trunk listing the number. */
  | "trunk"
  /** A wildcard trunk; when trunks list the number, it only gets the callers they filter out. */
  | "wildcard-trunk"
  /** Callers no trunk accepts. OSS LiveKit still routes them, to wildcard rules only. */
  | "no-trunk"
  /** A LiveKit Phone Number: no trunk, only the rules assigned to the number. */
  | "phone-number";

export interface PlanRoute {
  readonly kind: PlanRouteKind;
  readonly trunk?: PlanTrunk;
  /** The LiveKit number of a `phone-number` route. */
  readonly phoneNumber?: ObjectRef;
  /** A wildcard trunk behind trunks that list the number. */
  readonly fallback: boolean;
  readonly rules: readonly PlanRule[];
}

export interface PlanEntry {
  /** As written in a trunk, a rule or `phoneNumbers`; null for every other number. */
  readonly calledNumber: string | null;
  readonly routes: readonly PlanRoute[];
}

export interface RoutingPlan {
  readonly entries: readonly PlanEntry[];
  /** Present when the configuration has outbound trunks. */
  readonly outbound?: readonly PlanOutboundTrunk[];
  /** Configuration problems and call paths that fail, for reviewers. */
  readonly warnings: readonly string[];
  /** What the reviewer should know about where the configuration came from (see RoutingPlanInput). */
  readonly notes?: readonly string[];
}

export interface RoutingPlanInput extends RoutingConfig {
  /** Numbers to list even if nothing names them, such as every number bought for the project. */
  readonly phoneNumbers?: readonly string[];
  /** Shown before the table, e.g. which trunks were read from LiveKit rather than declared. */
  readonly notes?: readonly string[];
}
