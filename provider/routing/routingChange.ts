/** One thing a reviewer should know about a routing change, as a sentence. */

export type RoutingChangeKind =
  | "number-added"
  | "number-removed"
  /** Calls to a number (from some callers, or after some pin entry) land somewhere else. */
  | "call-route"
  | "trunk-added"
  | "trunk-removed"
  | "auth-added"
  | "auth-removed"
  | "allowed-addresses-widened"
  | "allowed-addresses-narrowed"
  | "allowed-addresses-removed"
  | "allowed-numbers-widened"
  | "allowed-numbers-narrowed"
  | "allowed-numbers-removed"
  /** A trunk that now answers every number. */
  | "trunk-wildcard"
  /** A trunk that now accepts anyone: no auth, no caller or address filter. */
  | "trunk-open"
  | "rule-added"
  | "rule-removed"
  | "pin-added"
  | "pin-removed"
  | "pin-changed"
  | "encryption-lowered"
  | "encryption-raised"
  | "krisp-changed"
  | "codecs-changed";

export interface RoutingChange {
  readonly kind: RoutingChangeKind;
  /** Exposes calls or rooms more than before, or breaks calls that worked: worth a second look. */
  readonly risky: boolean;
  /** A sentence with markdown code spans, e.g. "Calls to `+14155550100` now land in room `sales` …". */
  readonly message: string;
}

export const change = (kind: RoutingChangeKind, risky: boolean, message: string): RoutingChange => ({ kind, risky, message });
