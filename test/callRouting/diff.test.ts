import {
  diffRouting,
  hasRiskyChanges,
  renderDiffMarkdown,
  renderDiffText,
  type RoutingChange,
  type RoutingConfig,
  type RoutingRule,
  type RoutingTrunk,
} from "../../src/callRouting";
import { agents, direct, rule, trunk } from "./builders";
import { BOARD_LINE, conferenceLines, RECEPTION_NUMBER, receptionist } from "./setups";

const withTrunks = (config: RoutingConfig, edit: (t: RoutingTrunk) => RoutingTrunk): RoutingConfig => ({ ...config, trunks: config.trunks.map(edit) });
const withRule = (config: RoutingConfig, name: string, edit: (r: RoutingRule) => RoutingRule): RoutingConfig => ({
  ...config,
  rules: config.rules.map((r) => (r.name === name ? edit(r) : r)),
});
const risky = (kind: RoutingChange["kind"], message: string): RoutingChange => ({ kind, risky: true, message });
const safe = (kind: RoutingChange["kind"], message: string): RoutingChange => ({ kind, risky: false, message });

/** A partner line: only one caller may use it, and its calls go to a wildcard rule. */
const partnerLine: RoutingConfig = {
  trunks: [trunk("ST_partner", { name: "partner", numbers: ["+14155550150"], allowedNumbers: ["+15105550199"], authUsername: "p", authPassword: "x" })],
  rules: [rule("SDR_partner", direct("partner-desk"), { name: "partner-desk", trunkIds: ["ST_partner"] })],
};

describe("risky changes", () => {
  it("every dispatch rule removed: calls that reached a room are now dropped", () => {
    const changes = diffRouting(receptionist, { ...receptionist, rules: [] });
    expect(changes).toEqual(
      expect.arrayContaining([
        risky("call-route", "Calls to `+14155550100` are now dropped (no dispatch rule matches) (was: room `call_<caller's last 4>_<random>` (agent `receptionist-agent`), no pin)"),
        risky("rule-removed", "Rule `receptionist` removed"),
      ]),
    );
    expect(changes.every((c) => c.risky)).toBe(true);
  });

  it("a trunk removed, and with it the number it answered", () => {
    const changes = diffRouting(receptionist, { ...receptionist, trunks: [] });
    expect(changes).toEqual(
      expect.arrayContaining([
        risky("number-removed", "Number `+14155550100` removed from trunk `reception`; no trunk lists it now"),
        risky("trunk-removed", "Trunk `reception` removed"),
      ]),
    );
  });

  it("a number moved to another trunk: the carrier must send its calls there", () => {
    const other = trunk("ST_other", { name: "other", numbers: [RECEPTION_NUMBER], authUsername: "o", authPassword: "p" });
    const after: RoutingConfig = {
      trunks: [...withTrunks(receptionist, (t) => ({ ...t, numbers: ["+14155550177"] })).trunks, other],
      rules: receptionist.rules.map((r) => ({ ...r, trunkIds: [] })),
    };
    expect(diffRouting(receptionist, after)).toEqual(expect.arrayContaining([risky("number-moved", "Number `+14155550100` moved from trunk `reception` to trunk `other`")]));
  });

  it("credentials changed: a new user, or a new password (compared, never shown)", () => {
    const newUser = withTrunks(receptionist, (t) => ({ ...t, authUsername: "twilio-2" }));
    expect(diffRouting(receptionist, newUser)).toEqual([
      risky("auth-changed", "Trunk `reception`: digest auth user changed from `twilio` to `twilio-2`; the carrier needs the new credentials"),
    ]);
    const newPassword = withTrunks(receptionist, (t) => ({ ...t, authPassword: "rotated-secret" }));
    const changes = diffRouting(receptionist, newPassword);
    expect(changes).toEqual([risky("auth-changed", "Trunk `reception`: digest auth password changed; the carrier needs the new credentials")]);
    expect(JSON.stringify(changes)).not.toContain("rotated-secret");
  });

  it("agent removed: callers reach an empty room", () => {
    const after = withRule(receptionist, "receptionist", (r) => ({ ...r, roomConfig: undefined }));
    expect(diffRouting(receptionist, after)).toEqual(
      expect.arrayContaining([risky("agent-removed", "Rule `receptionist` no longer dispatches `receptionist-agent`: callers reach an empty room")]),
    );
  });

  it("auth removed", () => {
    const after = withTrunks(receptionist, (t) => ({ ...t, authUsername: "", authPassword: "" }));
    expect(diffRouting(receptionist, after)).toEqual([risky("auth-removed", "Trunk `reception` no longer requires digest auth (was: user `twilio`)")]);
  });

  it("address allow-list widened", () => {
    const after = withTrunks(receptionist, (t) => ({ ...t, allowedAddresses: [...(t.allowedAddresses ?? []), "0.0.0.0/0"] }));
    expect(diffRouting(receptionist, after)).toEqual([risky("allowed-addresses-widened", "Trunk `reception` now also accepts source addresses `0.0.0.0/0`")]);
  });

  it("caller allow-list widened: the new caller now reaches the room", () => {
    const after = withTrunks(partnerLine, (t) => ({ ...t, allowedNumbers: ["+15105550199", "+15105550100"] }));
    expect(diffRouting(partnerLine, after)).toEqual([
      risky("call-route", "Calls to `+14155550150` from `+15105550100` now land in room `partner-desk` without a pin (was: dropped)"),
      risky("allowed-numbers-widened", "Trunk `partner` now also accepts callers `+15105550100`"),
    ]);
  });

  it("address allow-list removed, including by leaving only entries LiveKit ignores", () => {
    const after = withTrunks(receptionist, (t) => ({ ...t, allowedAddresses: ["54.172.60.0/30; 54.244.51.0/30"] }));
    expect(diffRouting(receptionist, after)).toEqual([
      risky(
        "allowed-addresses-removed",
        "Trunk `reception` no longer filters source addresses (was: `54.172.60.0/30`, `54.244.51.0/30`); LiveKit ignores what is left (`54.172.60.0/30; 54.244.51.0/30`)",
      ),
    ]);
  });

  it("caller allow-list removed", () => {
    const after = withTrunks(partnerLine, (t) => ({ ...t, allowedNumbers: [] }));
    expect(diffRouting(partnerLine, after)).toEqual([
      risky("call-route", "Calls to `+14155550150` from other callers now land in room `partner-desk` without a pin (was: dropped)"),
      risky("allowed-numbers-removed", "Trunk `partner` no longer filters callers (was: `+15105550199`)"),
    ]);
  });

  it("names every caller concerned, also those only another trunk's allow-list names", () => {
    // Per number the diff simulates only the callers its own trunks and rules name; a caller only
    // trunk B names is routed on A's number as any other caller, and must still be listed with them.
    const office: RoutingConfig = {
      trunks: [trunk("ST_a", { name: "a", numbers: ["+14155550100"] }), trunk("ST_b", { name: "b", numbers: ["+14155550101"], allowedNumbers: ["+15105550002"] })],
      rules: [
        rule("SDR_vip", direct("vip"), { name: "vip", trunkIds: ["ST_a"], inboundNumbers: ["+15105550001"] }),
        rule("SDR_desk", direct("desk"), { name: "desk", trunkIds: ["ST_a"] }),
      ],
    };
    const moved = withRule(office, "desk", (r) => ({ ...r, rule: direct("front") }));
    expect(diffRouting(office, moved).filter((c) => c.kind === "call-route")).toEqual([
      risky("call-route", "Calls to `+14155550100` from other callers, `+15105550002` now land in room `front` without a pin (was: room `desk`, no pin)"),
    ]);
  });

  it("encryption lowered on a trunk", () => {
    const after = withTrunks(receptionist, (t) => ({ ...t, media: {} }));
    expect(diffRouting(receptionist, after)).toEqual([risky("encryption-lowered", "Trunk `reception`: media encryption lowered from `allow` to `disable`")]);
  });

  it("encryption lowered on a rule: DISABLE defers to the trunk", () => {
    const before = withRule(receptionist, "receptionist", (r) => ({ ...r, media: { encryption: "SIP_MEDIA_ENCRYPT_REQUIRE" } }));
    const after = withRule(receptionist, "receptionist", (r) => ({ ...r, media: { encryption: "SIP_MEDIA_ENCRYPT_DISABLE" } }));
    expect(diffRouting(before, after)).toEqual([risky("encryption-lowered", "Rule `receptionist`: media encryption lowered from `require` to the trunk's setting")]);
  });

  it("pin removed: callers now walk into the room", () => {
    const after = withRule(conferenceLines, "board", (r) => ({ ...r, rule: direct("board-meeting") }));
    expect(diffRouting(conferenceLines, after)).toEqual([
      risky("call-route", "Calls to `+14155550123` now land in room `board-meeting` without a pin (was: room `board-meeting`, pin required)"),
      risky("pin-removed", "Rule `board` no longer requires a pin for room `board-meeting`"),
    ]);
  });

  it("a number rerouted to another room and agent, and its pin dropped", () => {
    const after = withRule(conferenceLines, "board", (r) => ({ ...r, rule: direct("sales"), roomConfig: agents("sales-agent") }));
    expect(diffRouting(conferenceLines, after)).toEqual([
      risky("call-route", "Calls to `+14155550123` now land in room `sales` (agent `sales-agent`) without a pin (was: room `board-meeting`, pin required)"),
      risky("pin-removed", "Rule `board` no longer requires a pin for room `sales` (agent `sales-agent`)"),
      safe("agent-added", "Rule `board` now dispatches `sales-agent`"),
    ]);
  });

  it("a number rerouted to another agent, no pin either side", () => {
    const after = withRule(receptionist, "receptionist", (r) => ({ ...r, rule: direct("sales"), roomConfig: agents("sales-agent") }));
    expect(diffRouting(receptionist, after)).toEqual([
      risky(
        "call-route",
        "Calls to `+14155550100` now land in room `sales` (agent `sales-agent`) without a pin (was: room `call_<caller's last 4>_<random>` (agent `receptionist-agent`), no pin)",
      ),
      risky("agent-changed", "Rule `receptionist` dispatches `sales-agent` (was: `receptionist-agent`)"),
    ]);
  });

  it("a pin that opens another room", () => {
    const after = withRule(conferenceLines, "board", (r) => ({ ...r, rule: direct("all-hands", "4321") }));
    expect(diffRouting(conferenceLines, after)).toEqual([
      safe("call-route", "Calls to `+14155550123` are now asked for a pin for room `all-hands` (was: room `board-meeting`, pin required)"),
      risky("call-route", "Calls to `+14155550123` entering the pin of `board` now land in room `all-hands` (was: room `board-meeting`)"),
    ]);
  });

  it("a pin added, and a pin changed: callers are turned away until they learn them; pins are named without their digits", () => {
    const after = withRule(withRule(conferenceLines, "lobby", (r) => ({ ...r, rule: direct("lobby", "2468") })), "board", (r) => ({ ...r, rule: direct("board-meeting", "8642") }));
    const changes = diffRouting(conferenceLines, after);
    expect(changes).toEqual([
      risky("call-route", "Calls to `+14155550123` that answer the pin prompt with `#` alone are now rejected as a wrong pin (was: room `lobby`)"),
      risky("call-route", "Calls to `+14155550123` entering the former pin of `board` are now rejected as a wrong pin (was: room `board-meeting`)"),
      safe("call-route", "Calls to `+14155550123` entering the new pin of `board` now land in room `board-meeting` (was: rejected)"),
      safe("call-route", "Calls to `+14155550123` entering the new pin of `lobby` now land in room `lobby` (was: rejected)"),
      risky("call-route", "Calls to `+14155550124` that answer the pin prompt with `#` alone are now rejected as a wrong pin (was: room `lobby`)"),
      safe("call-route", "Calls to `+14155550124` entering the new pin of `lobby` now land in room `lobby` (was: rejected)"),
      risky("pin-changed", "Rule `board` has a new pin; callers using the old one are rejected"),
      risky("pin-added", "Rule `lobby` now requires a pin for room `lobby`"),
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/4321|8642|2468/);
  });

  it("trunk made wildcard: every other number now reaches the lobby", () => {
    const after = withTrunks(conferenceLines, (t) => ({ ...t, numbers: [] }));
    expect(diffRouting(conferenceLines, after)).toEqual([
      safe("number-removed", "Number `+14155550123` removed from trunk `conference`; no trunk lists it now"),
      safe("number-removed", "Number `+14155550124` removed from trunk `conference`; no trunk lists it now"),
      risky("call-route", "Calls to other numbers now land in room `lobby` without a pin (was: dropped)"),
      risky("trunk-wildcard", "Trunk `conference` now answers every number (was: `+14155550123`, `+14155550124`)"),
    ]);
  });

  it("a new open wildcard trunk", () => {
    const after: RoutingConfig = { ...receptionist, trunks: [...receptionist.trunks, trunk("ST_any", { name: "any" })] };
    expect(diffRouting(receptionist, after)).toEqual([
      safe("trunk-added", "Trunk `any` added: answers every number; callers: any; addresses: any; no auth"),
      risky("trunk-wildcard", "Trunk `any` answers every number no other trunk lists"),
      risky("trunk-open", "Trunk `any` accepts calls from anyone: no auth, no caller or address filter"),
    ]);
  });

  it("a configuration that now fails calls", () => {
    const after: RoutingConfig = { ...conferenceLines, trunks: [...conferenceLines.trunks, trunk("ST_dup", { name: "dup", numbers: [BOARD_LINE], authUsername: "u", authPassword: "p" })] };
    expect(diffRouting(conferenceLines, after)).toEqual([
      risky("call-route", 'Calls to `+14155550123` now fail (SIP 503): Multiple SIP Trunks matched for "+14155550123" (was: room `board-meeting`, pin required)'),
      safe("trunk-added", "Trunk `dup` added: answers `+14155550123`; callers: any; addresses: any; digest auth (user `u`)"),
    ]);
  });
});

describe("changes that are not risky", () => {
  it("Krisp and codec changes", () => {
    const krisp = withTrunks(conferenceLines, (t) => ({ ...t, krispEnabled: true }));
    const after = withRule(krisp, "all-hands", (r) => ({ ...r, media: { codecs: [{ name: "G722", rate: 8000 }] } }));
    const changes = diffRouting(conferenceLines, after);
    expect(changes).toEqual([
      safe("krisp-changed", "Trunk `conference`: Krisp noise cancellation turned on"),
      safe("codecs-changed", "Rule `all-hands`: codecs `only PCMU/8000` → `defaults + G722/8000`"),
    ]);
    expect(hasRiskyChanges(changes)).toBe(false);
  });

  it("a number added: its calls starting to land is what adding it means", () => {
    const after = withTrunks(receptionist, (t) => ({ ...t, numbers: [RECEPTION_NUMBER, "+14155550101"] }));
    const changes = diffRouting(receptionist, after);
    expect(changes).toEqual([
      safe("number-added", "Number `+14155550101` added to trunk `reception`"),
      safe("call-route", "Calls to `+14155550101` now land in room `call_<caller's last 4>_<random>` (agent `receptionist-agent`) without a pin (was: dropped)"),
    ]);
    expect(hasRiskyChanges(changes)).toBe(false);
  });

  it("placeholder IDs replaced by LiveKit's: objects pair by name, nothing changes", () => {
    const created: RoutingConfig = {
      trunks: conferenceLines.trunks.map((t) => ({ ...t, sipTrunkId: "ST_2mkq7HkJ4sTb" })),
      rules: conferenceLines.rules.map((r, i) => ({ ...r, sipDispatchRuleId: `SDR_2mkq7HkJ4sT${i}`, trunkIds: ["ST_2mkq7HkJ4sTb"] })),
    };
    expect(diffRouting(conferenceLines, created)).toEqual([]);
  });

  it("a renamed trunk pairs by ID", () => {
    const after = withTrunks(receptionist, (t) => ({ ...t, name: "front-desk" }));
    expect(diffRouting(receptionist, after)).toEqual([]);
  });
});

describe("rendering", () => {
  const changes = diffRouting(conferenceLines, withRule(conferenceLines, "board", (r) => ({ ...r, rule: direct("sales"), roomConfig: agents("sales-agent") })));
  const withSafe = [...changes, safe("krisp-changed", "Trunk `conference`: Krisp noise cancellation turned on")];

  it("markdown: risky changes first, under a warning heading", () => {
    expect(renderDiffMarkdown(withSafe)).toBe(
      [
        "## Routing changes",
        "",
        "2 risky changes, 2 other changes.",
        "",
        "### ⚠️ Risky",
        "",
        "- Calls to `+14155550123` now land in room `sales` (agent `sales-agent`) without a pin (was: room `board-meeting`, pin required)",
        "- Rule `board` no longer requires a pin for room `sales` (agent `sales-agent`)",
        "",
        "### Other",
        "",
        "- Rule `board` now dispatches `sales-agent`",
        "- Trunk `conference`: Krisp noise cancellation turned on",
        "",
      ].join("\n"),
    );
  });

  it("text: plain words for a terminal", () => {
    expect(renderDiffText(withSafe)).toBe(
      [
        "ROUTING CHANGES",
        "2 risky changes, 2 other changes.",
        "",
        "RISKY",
        "  ! Calls to +14155550123 now land in room sales (agent sales-agent) without a pin (was: room board-meeting, pin required)",
        "  ! Rule board no longer requires a pin for room sales (agent sales-agent)",
        "",
        "OTHER",
        "  - Rule board now dispatches sales-agent",
        "  - Trunk conference: Krisp noise cancellation turned on",
        "",
      ].join("\n"),
    );
  });

  it("says so when nothing changed", () => {
    expect(renderDiffMarkdown([])).toBe("## Routing changes\n\nNo routing changes.\n");
    expect(renderDiffText([])).toBe("ROUTING CHANGES\nNo routing changes.\n");
    expect(hasRiskyChanges([])).toBe(false);
    expect(hasRiskyChanges(changes)).toBe(true);
  });
});

describe("outbound trunks", () => {
  const dialer = {
    sipTrunkId: "ST_out",
    name: "dialer",
    address: "sip.carrier.example",
    transport: "SIP_TRANSPORT_TLS",
    numbers: ["+14155550123"],
    authUsername: "agent",
    authPassword: "secret-1",
    media: { encryption: "SIP_MEDIA_ENCRYPT_REQUIRE" as const },
  };
  const base: RoutingConfig = { trunks: [], rules: [], outboundTrunks: [dialer] };
  const edited = (edit: Partial<typeof dialer>): RoutingConfig => ({ ...base, outboundTrunks: [{ ...dialer, ...edit }] });

  it("signalling moved off TLS, media encryption lowered, credentials removed: risky", () => {
    expect(diffRouting(base, edited({ transport: "SIP_TRANSPORT_UDP", authUsername: "", media: { encryption: "SIP_MEDIA_ENCRYPT_DISABLE" as never } }))).toEqual([
      risky("outbound-transport-lowered", "Outbound trunk `dialer`: signalling transport `tls` → `udp`"),
      risky("auth-removed", "Outbound trunk `dialer` no longer authenticates to the provider (was: user `agent`)"),
      risky("encryption-lowered", "Outbound trunk `dialer`: media encryption lowered from `require` to `disable`"),
    ]);
  });

  it("a transport change that never had TLS is reported, not risky", () => {
    const udp = edited({ transport: "SIP_TRANSPORT_UDP" });
    expect(diffRouting(udp, edited({ transport: "SIP_TRANSPORT_TCP" }))).toEqual([safe("outbound-transport-changed", "Outbound trunk `dialer`: signalling transport `udp` → `tcp`")]);
    expect(diffRouting(udp, base)).toEqual([safe("outbound-transport-raised", "Outbound trunk `dialer`: signalling transport `udp` → `tls`")]);
  });

  it("another provider address, or new credentials: risky; the password is never shown", () => {
    const changes = diffRouting(base, edited({ address: "sip.other.example", authPassword: "secret-2" }));
    expect(changes).toEqual([
      risky("outbound-address-changed", "Outbound trunk `dialer` now sends calls to `sip.other.example` (was: `sip.carrier.example`)"),
      risky("auth-changed", "Outbound trunk `dialer`: provider credentials password changed; calls fail until the provider has the same"),
    ]);
    expect(JSON.stringify(changes)).not.toContain("secret-2");
  });

  it("removed: agents can no longer dial out (risky); added or given new caller IDs: reported", () => {
    expect(diffRouting(base, { ...base, outboundTrunks: [] })).toEqual([risky("outbound-trunk-removed", "Outbound trunk `dialer` removed: agents can no longer dial out through it")]);
    expect(diffRouting({ ...base, outboundTrunks: [] }, base)).toEqual([safe("outbound-trunk-added", "Outbound trunk `dialer` added: calls go to `sip.carrier.example` over `tls`, user `agent`")]);
    expect(diffRouting(base, edited({ numbers: ["+14155550124"] }))).toEqual([
      safe("outbound-numbers-changed", "Outbound trunk `dialer`: caller IDs `+14155550124` (was: `+14155550123`)"),
    ]);
  });
});
