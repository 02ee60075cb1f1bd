import { planOutbound, type PlanOutboundTrunk } from "./planOutbound";
import { calledNumbers } from "./callScenarios";
import { numberRef } from "./livekitNumbers";
import { planRules, type PlanRule } from "./planRules";
import { acceptsEveryCaller, planTrunk, type PlanTrunk } from "./planTrunk";
import { planWarnings } from "./planWarnings";
import type { ObjectRef } from "./refs";
import { indexRouting, type RoutingIndex } from "./routingIndex";
import type { RoutingConfig, RoutingTrunk } from "./types";

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
}

export interface RoutingPlanInput extends RoutingConfig {
  /** Numbers to list even if nothing names them, such as every number bought for the project. */
  readonly phoneNumbers?: readonly string[];
}

function routesFor(index: RoutingIndex, calledNumber: string | undefined): PlanRoute[] {
  const livekitNumber = calledNumber === undefined ? undefined : index.livekitNumbers.numberFor(calledNumber);
  if (livekitNumber !== undefined) {
    const rules = planRules(index.livekitNumbers.ruleIndexFor(livekitNumber), undefined, calledNumber);
    return [{ kind: "phone-number", phoneNumber: numberRef(livekitNumber), fallback: false, rules }];
  }
  const { listing, wildcard } = index.trunks.trunksFor(calledNumber);
  const route = (kind: PlanRouteKind, trunk: RoutingTrunk | undefined, fallback = false): PlanRoute => ({
    kind,
    ...(trunk === undefined ? {} : { trunk: planTrunk(trunk) }),
    fallback,
    rules: planRules(index.rules, trunk, calledNumber),
  });
  // Wildcard trunks only get callers that no trunk listing the number takes.
  const fallbacks = listing.some(acceptsEveryCaller) ? [] : wildcard;
  const routes = [...listing.map((t) => route("trunk", t)), ...fallbacks.map((t) => route("wildcard-trunk", t, listing.length > 0))];
  if (![...listing, ...fallbacks].some(acceptsEveryCaller)) routes.push(route("no-trunk", undefined));
  return routes;
}

export function buildRoutingPlan(input: RoutingPlanInput): RoutingPlan {
  const config = { trunks: input.trunks, rules: input.rules, livekitNumbers: input.livekitNumbers };
  // Indexed once, so each number reads only the trunks and rules that can apply to it.
  const index = indexRouting(config);
  const numbers = calledNumbers(config, input.phoneNumbers);
  const entries: PlanEntry[] = [
    ...numbers.map((calledNumber) => ({ calledNumber, routes: routesFor(index, calledNumber) })),
    { calledNumber: null, routes: routesFor(index, undefined) },
  ];
  const outbound = (input.outboundTrunks ?? []).map(planOutbound);
  return { entries, ...(outbound.length > 0 ? { outbound } : {}), warnings: planWarnings(index, entries) };
}
