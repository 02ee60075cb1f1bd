import { isValidAddressMask } from "../match/addressMasks";
import { trunkRef, type ObjectRef } from "../refs";
import type { RoutingTrunk } from "../types";

/** A trunk's gates as a reviewer needs them: who may call through it and how it authenticates. */
export interface PlanTrunk extends ObjectRef {
  /** No numbers: it answers every number no other trunk claims. */
  readonly anyNumber: boolean;
  /** `allowed_numbers`; empty means any caller. */
  readonly callers: readonly string[];
  /** Valid `allowed_addresses` entries; empty means any address. */
  readonly addresses: readonly string[];
  /** Entries LiveKit ignores (lists, URLs, patterns). */
  readonly ignoredAddresses: readonly string[];
  /** Digest auth user name; never the password. */
  readonly authUser?: string;
}

export function planTrunk(trunk: RoutingTrunk): PlanTrunk {
  const addresses = trunk.allowedAddresses ?? [];
  const authUser = trunk.authUsername ?? "";
  return {
    ...trunkRef(trunk),
    anyNumber: (trunk.numbers ?? []).length === 0,
    callers: trunk.allowedNumbers ?? [],
    addresses: addresses.filter(isValidAddressMask),
    ignoredAddresses: addresses.filter((a) => !isValidAddressMask(a)),
    ...(authUser !== "" && (trunk.authPassword ?? "") !== "" ? { authUser } : {}),
  };
}

/** A trunk that takes every call it is offered: no caller or address filter applies. */
export const acceptsEveryCaller = (trunk: RoutingTrunk): boolean => {
  const gates = planTrunk(trunk);
  return gates.callers.length === 0 && gates.addresses.length === 0;
};
