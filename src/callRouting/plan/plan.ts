import { planOutbound } from "./planOutbound";
import { calledNumbers } from "../simulate/callScenarios";
import { numberRef } from "../match/livekitNumbers";
import type { PlanEntry, PlanRoute, PlanRouteKind, RoutingPlan, RoutingPlanInput } from "./planTypes";
import { planRules } from "./planRules";
import { acceptsEveryCaller, planTrunk } from "./planTrunk";
import { planWarnings } from "./planWarnings";
import { indexRouting, type RoutingIndex } from "../match/routingIndex";
import type { RoutingTrunk } from "../types";

export type { PlanEntry, PlanRoute, PlanRouteKind, RoutingPlan, RoutingPlanInput } from "./planTypes";

/** Builds the routing plan (its shape: planTypes.ts), every number worked out from one index. */

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
  const notes = input.notes ?? [];
  return { entries, ...(outbound.length > 0 ? { outbound } : {}), warnings: planWarnings(index, entries), ...(notes.length > 0 ? { notes } : {}) };
}
