/** One thing a reviewer should know about a routing change, as a sentence. */

export type RoutingChangeKind =
  | "number-added"
  | "number-removed"
  /** A number a different set of trunks answers now. */
  | "number-moved"
  /** Calls to a number (from some callers, or after some pin entry) land somewhere else. */
  | "call-route"
  | "trunk-added"
  | "trunk-removed"
  | "auth-added"
  | "auth-removed"
  /** The digest-auth user or password changed: carriers must be given the new ones. */
  | "auth-changed"
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
  | "agent-added"
  | "agent-removed"
  | "agent-changed"
  | "encryption-lowered"
  | "encryption-raised"
  | "outbound-trunk-added"
  /** Agents can no longer dial out through it. */
  | "outbound-trunk-removed"
  /** Outgoing calls go to another SIP provider address. */
  | "outbound-address-changed"
  | "outbound-transport-lowered"
  | "outbound-transport-raised"
  /** Between transports neither of which is TLS (e.g. udp → tcp). */
  | "outbound-transport-changed"
  | "outbound-numbers-changed"
  | "krisp-changed"
  | "codecs-changed";

export interface RoutingChange {
  readonly kind: RoutingChangeKind;
  /**
   * Worth a second look, as docs/reviewing-dispatch-changes.md ("Risk model") defines: calls that
   * worked are dropped or rejected, rooms open up, security is weakened, callers must learn
   * something new (a pin, credentials), or the agent that answers changes.
   */
  readonly risky: boolean;
  /** A sentence with markdown code spans, e.g. "Calls to `+14155550100` now land in room `sales` …". */
  readonly message: string;
}

export const change = (kind: RoutingChangeKind, risky: boolean, message: string): RoutingChange => ({ kind, risky, message });
