import type { TelephonySpec } from "../../src/stack/spec";

/**
 * A synthetic telephony estate of `trunks` inbound trunks (distinct numbers), `outbound` outbound
 * trunks and one pinned rule per inbound trunk. `revision` changes names, pins and agents so a
 * second apply updates every rule and half of the trunks.
 */
export function loadSpec(sizes: { trunks: number; outbound: number }, revision = 0): TelephonySpec {
  const number = (i: number) => `+1415555${String(1000 + i).padStart(4, "0")}`;
  const spec: Required<TelephonySpec> = { inboundTrunks: {}, outboundTrunks: {}, dispatchRules: {} };
  for (let i = 0; i < sizes.trunks; i++) {
    spec.inboundTrunks[`in${i}`] = {
      name: `inbound ${i}${revision && i % 2 ? ` r${revision}` : ""}`,
      numbers: [number(i)],
      allowedAddresses: [`10.0.${i % 250}.0/24`],
      krispEnabled: revision > 0 && i % 2 === 1,
    };
    spec.dispatchRules[`rule${i}`] = {
      name: `rule ${i} r${revision}`,
      trunks: [`in${i}`],
      rule: { type: "direct", roomName: `room-${i}`, pin: String(1000 + i + revision) },
      roomConfig: { agents: [{ agentName: `agent-${revision}` }] },
    };
  }
  for (let i = 0; i < sizes.outbound; i++) {
    spec.outboundTrunks[`out${i}`] = { name: `outbound ${i}`, address: `sip${i}.example.com`, numbers: [number(5000 + i)], transport: revision ? "tls" : "udp" };
  }
  return spec;
}
