import { buildRoutingPlan, renderPlanMarkdown, renderPlanText, type RoutingConfig } from "../../src/callRouting";
import { direct, rule, trunk } from "./builders";
import { conferenceLines, receptionist } from "./setups";

/**
 * Expected renderings, written out in full and checked by eye. Both setups share the head (title
 * and legend) and the tail (no trunk for other numbers, no warnings).
 */

const MARKDOWN_HEAD = [
  "## Inbound routing plan",
  "",
  "Rules are listed in the order LiveKit prefers them. A caller gets the first rule whose filters match; if that rule has a pin, the caller is asked for one, the entered pin selects the rule it belongs to, and `#` alone selects the first open rule. `defaults` codecs are G722/8000, PCMU/8000, PCMA/8000.",
  "",
];

const MARKDOWN_TAIL = [
  "### Calls to any other number",
  "",
  "No trunk: OSS LiveKit still accepts these calls and applies only rules without trunk_ids; LiveKit Cloud may reject them with 404 \"No trunk found\".",
  "",
  "_No dispatch rule applies: calls are dropped._",
  "",
  "### Warnings",
  "",
  "No warnings.",
  "",
];

const TEXT_HEAD = [
  "INBOUND ROUTING PLAN",
  "Rules are listed in the order LiveKit prefers them. A caller gets the first rule whose filters match; if that rule has a pin, the caller is asked for one, the entered pin selects the rule it belongs to, and # alone selects the first open rule. defaults codecs are G722/8000, PCMU/8000, PCMA/8000.",
  "",
];

const TEXT_TAIL = [
  "Calls to any other number",
  "  No trunk: OSS LiveKit still accepts these calls and applies only rules without trunk_ids; LiveKit Cloud may reject them with 404 \"No trunk found\".",
  "    No dispatch rule applies: calls are dropped.",
  "",
  "Warnings",
  "  No warnings.",
  "",
];

/** The report without its flowchart, which flowchart.test.ts checks. */
const withoutPicture = (markdown: string) => markdown.replace(/```mermaid\n[\s\S]*?\n```\n\n/, "");

const receptionistMarkdown = [
  ...MARKDOWN_HEAD,
  "### Calls to `+14155550100`",
  "",
  "Trunk `reception` (`ST_reception`): callers: any; addresses: `54.172.60.0/30`, `54.244.51.0/30`; auth: digest (user `twilio`)",
  "",
  "| # | Rule | Applies to | Callers | Pin | Room | Agents | Krisp | Codecs | Encryption |",
  "|---:|---|---|---|---|---|---|---|---|---|",
  "| 1 | `receptionist` | this trunk | any | none | `call_<caller's last 4>_<random>` (number hidden) | `receptionist-agent` | on | defaults | allow |",
  "",
  "No trunk (callers no trunk above accepts): OSS LiveKit still accepts these calls and applies only rules without trunk_ids; LiveKit Cloud may reject them with 404 \"No trunk found\".",
  "",
  "_No dispatch rule applies: calls are dropped._",
  "",
  ...MARKDOWN_TAIL,
].join("\n");

const receptionistText = [
  ...TEXT_HEAD,
  "Calls to +14155550100",
  "  Trunk reception (ST_reception): callers: any; addresses: 54.172.60.0/30, 54.244.51.0/30; auth: digest (user twilio)",
  "    #  Rule          Applies to  Callers  Pin   Room                                             Agents              Krisp  Codecs    Encryption",
  "    -  ------------  ----------  -------  ----  -----------------------------------------------  ------------------  -----  --------  ----------",
  "    1  receptionist  this trunk  any      none  call_<caller's last 4>_<random> (number hidden)  receptionist-agent  on     defaults  allow",
  "  No trunk (callers no trunk above accepts): OSS LiveKit still accepts these calls and applies only rules without trunk_ids; LiveKit Cloud may reject them with 404 \"No trunk found\".",
  "    No dispatch rule applies: calls are dropped.",
  "",
  ...TEXT_TAIL,
].join("\n");

const conferenceLinesMarkdown = [
  ...MARKDOWN_HEAD,
  "### Calls to `+14155550123`",
  "",
  "Trunk `conference` (`trunk:conference`): callers: any; addresses: any; auth: digest (user `carrier`)",
  "",
  "| # | Rule | Applies to | Callers | Pin | Room | Agents | Krisp | Codecs | Encryption |",
  "|---:|---|---|---|---|---|---|---|---|---|",
  "| 1 | `board` | this trunk | any | required | `board-meeting` | none | off | defaults | disable |",
  "| 2 | `lobby` | this trunk | any | none | `lobby` | none | off | defaults | disable |",
  "",
  "### Calls to `+14155550124`",
  "",
  "Trunk `conference` (`trunk:conference`): callers: any; addresses: any; auth: digest (user `carrier`)",
  "",
  "| # | Rule | Applies to | Callers | Pin | Room | Agents | Krisp | Codecs | Encryption |",
  "|---:|---|---|---|---|---|---|---|---|---|",
  "| 1 | `all-hands` | this trunk | any | required | `all-hands` | `note-taker` | off | only PCMU/8000 | disable |",
  "| 2 | `lobby` | this trunk | any | none | `lobby` | none | off | defaults | disable |",
  "",
  ...MARKDOWN_TAIL,
].join("\n");

const conferenceLinesText = [
  ...TEXT_HEAD,
  "Calls to +14155550123",
  "  Trunk conference (trunk:conference): callers: any; addresses: any; auth: digest (user carrier)",
  "    #  Rule   Applies to  Callers  Pin       Room           Agents  Krisp  Codecs    Encryption",
  "    -  -----  ----------  -------  --------  -------------  ------  -----  --------  ----------",
  "    1  board  this trunk  any      required  board-meeting  none    off    defaults  disable",
  "    2  lobby  this trunk  any      none      lobby          none    off    defaults  disable",
  "",
  "Calls to +14155550124",
  "  Trunk conference (trunk:conference): callers: any; addresses: any; auth: digest (user carrier)",
  "    #  Rule       Applies to  Callers  Pin       Room       Agents      Krisp  Codecs          Encryption",
  "    -  ---------  ----------  -------  --------  ---------  ----------  -----  --------------  ----------",
  "    1  all-hands  this trunk  any      required  all-hands  note-taker  off    only PCMU/8000  disable",
  "    2  lobby      this trunk  any      none      lobby      none        off    defaults        disable",
  "",
  ...TEXT_TAIL,
].join("\n");

describe("routing plan of an inbound AI receptionist", () => {
  const plan = buildRoutingPlan(receptionist);

  it("renders as markdown for a pull-request comment", () => {
    expect(withoutPicture(renderPlanMarkdown(plan))).toBe(receptionistMarkdown);
  });

  it("renders as a terminal table", () => {
    expect(renderPlanText(plan)).toBe(receptionistText);
  });

  it("is plain JSON and never carries the trunk password", () => {
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(JSON.stringify(plan)).not.toContain("correct-horse-battery");
    expect(renderPlanMarkdown(plan) + renderPlanText(plan)).not.toContain("correct-horse-battery");
  });
});

describe("routing plan of pin-protected conference lines on one trunk", () => {
  const plan = buildRoutingPlan(conferenceLines);

  it("renders as markdown for a pull-request comment", () => {
    expect(withoutPicture(renderPlanMarkdown(plan))).toBe(conferenceLinesMarkdown);
  });

  it("renders as a terminal table", () => {
    expect(renderPlanText(plan)).toBe(conferenceLinesText);
  });

  it("never shows pins", () => {
    expect(JSON.stringify(plan)).not.toMatch(/4321|1111/);
  });
});

describe("routing plan structure", () => {
  it("lists extra phone numbers, which only wildcard trunks and rules can take", () => {
    const plan = buildRoutingPlan({ ...conferenceLines, phoneNumbers: ["+14155550999"] });
    expect(plan.entries.map((e) => e.calledNumber)).toEqual(["+14155550123", "+14155550124", "+14155550999", null]);
    expect(plan.entries[2].routes).toEqual([{ kind: "no-trunk", fallback: false, rules: [] }]);
  });

  it("keeps spellings apart and orders them by normalised number", () => {
    const config: RoutingConfig = { trunks: [trunk("t", { numbers: ["+14155550100", "+1 (415) 555-0100"] })], rules: [rule("r", direct("room"), { numbers: ["14155550100"] })] };
    expect(buildRoutingPlan(config).entries.map((e) => e.calledNumber)).toEqual(["+1 (415) 555-0100", "+14155550100", "14155550100", null]);
  });

  it("puts a filtered trunk first, then the wildcard trunk for callers it filters out, then no trunk", () => {
    const config: RoutingConfig = {
      trunks: [trunk("partner", { numbers: ["+1"], allowedNumbers: ["+2"] }), trunk("any", { allowedAddresses: ["10.0.0.0/8"] })],
      rules: [rule("r", direct("room"))],
    };
    const routes = buildRoutingPlan(config).entries[0].routes;
    expect(routes.map((r) => [r.kind, r.trunk?.id, r.fallback])).toEqual([
      ["trunk", "partner", false],
      ["wildcard-trunk", "any", true],
      ["no-trunk", undefined, false],
    ]);
    expect(routes.every((r) => r.rules.map((x) => x.id).join() === "r")).toBe(true);
  });

  it("marks a rule that can never win, and warns when it wins nowhere", () => {
    const config: RoutingConfig = {
      trunks: [trunk("t", { numbers: ["+1"], authUsername: "u", authPassword: "p" })],
      rules: [
        rule("desk", direct("desk"), { name: "desk", trunkIds: ["t"], inboundNumbers: ["+9"] }),
        rule("line", direct("line"), { name: "line", trunkIds: ["t"], inboundNumbers: ["+9"], numbers: ["+1"] }),
      ],
    };
    const plan = buildRoutingPlan(config);
    expect(plan.entries[0].routes[0].rules.map((r) => [r.id, r.priority, r.shadowedBy?.id])).toEqual([
      ["line", 100, undefined],
      ["desk", 1100, "line"],
    ]);
    expect(plan.warnings).toEqual(["Rule `desk` never wins: `line` always comes first"]);
  });
});

describe("routing plan warnings", () => {
  it("a listed number none of whose calls reach a rule is a warning, not \"No warnings\"", () => {
    const noRules: RoutingConfig = { trunks: [trunk("main", { name: "main", numbers: ["+14155550100"], authUsername: "u", authPassword: "p" })], rules: [] };
    expect(buildRoutingPlan(noRules).warnings).toEqual(["Calls to `+14155550100` are all dropped: no dispatch rule applies to it"]);
    const ruleOnly: RoutingConfig = { trunks: [], rules: [rule("r", direct("room"), { name: "r", trunkIds: ["main"], numbers: ["+14155550199"] })] };
    expect(buildRoutingPlan(ruleOnly).warnings).toContain("Calls to `+14155550199` are all dropped: no trunk answers it and no LiveKit number is it");
  });

  const troubled: RoutingConfig = {
    trunks: [
      trunk("main", { name: "main", numbers: ["+14155550100"], allowedAddresses: ["10.0.0.1, 10.0.0.2"] }),
      trunk("partner", { name: "partner", numbers: ["+1 (415) 555-0100"], allowedNumbers: ["+15105550199"], authUsername: "p", authPassword: "x" }),
      trunk("catch-all", { name: "catch-all" }),
    ],
    rules: [
      rule("support", direct("support"), { name: "support", trunkIds: ["main"] }),
      rule("partner-desk", direct("partner-desk", "12#4"), { name: "partner-desk", trunkIds: ["partner"], numbers: ["+14155550100"] }),
      rule("retired", direct("retired"), { name: "retired", trunkIds: ["ST_gone"] }),
      rule("opus", direct("opus"), { name: "opus", trunkIds: ["catch-all"], media: { onlyListedCodecs: true, codecs: [{ name: "opus", rate: 48000 }] } }),
    ],
  };

  it("names failing calls, ignored address entries, open trunks, misspelled numbers, unusable pins, unknown trunks and codec problems", () => {
    expect(buildRoutingPlan(troubled).warnings).toEqual([
      'Calls to `+1 (415) 555-0100` from `+15105550199` fail (SIP 503): Multiple SIP Trunks matched for "+1 (415) 555-0100"',
      'Calls to `+14155550100` from `+15105550199` fail (SIP 503): Multiple SIP Trunks matched for "+14155550100"',
      "Trunk `main`: LiveKit ignores allowed_addresses `10.0.0.1, 10.0.0.2`; no valid entry is left, so every address is allowed",
      "Trunk `main` accepts calls to its numbers from any caller and address without authentication",
      "Trunk `catch-all` accepts calls to any number from any caller and address without authentication",
      "Rule `partner-desk` lists `+14155550100` but trunk `partner` spells it `+1 (415) 555-0100`; rules compare numbers exactly, so the rule only applies when the carrier sends `+14155550100`",
      "Rule `partner-desk`: the pin contains characters a keypad cannot send (DTMF is 0-9, *, A-D; # ends the entry), so callers can never enter it",
      "Rule `retired` names trunks `ST_gone`, which are not in this configuration",
      "Rule `opus` through trunk `catch-all`: opus is not a SIP codec; listing it enables nothing",
    ]);
  });

  it("names a rule without a variant and a pin too long to type", () => {
    const config: RoutingConfig = {
      trunks: [trunk("t", { numbers: ["+1"], authUsername: "u", authPassword: "p" })],
      rules: [rule("empty", {}, { name: "empty", trunkIds: ["t"] }), rule("long", direct("vault", "12345678901234567"), { name: "long", trunkIds: ["t"] })],
    };
    expect(buildRoutingPlan(config).warnings).toEqual([
      "Calls to `+1` fail (SIP 503): unsupported SIP Dispatch Rule: <nil>",
      // With no trunk, LiveKit loads every rule, this one included.
      "Calls to other numbers fail (SIP 503): unsupported SIP Dispatch Rule: <nil>",
      "Rule `empty` has no rule variant; every call that loads it fails",
      "Rule `long`: the pin has 17 digits; LiveKit reads at most 16, so callers can never enter it",
    ]);
  });
});

describe("outbound trunks in the plan", () => {
  const withDialer: RoutingConfig = {
    ...receptionist,
    outboundTrunks: [
      { sipTrunkId: "ST_out", name: "dialer", address: "sip.carrier.example:5061", transport: "SIP_TRANSPORT_TLS", numbers: ["+14155550123"], authUsername: "agent", authPassword: "p", media: { encryption: "SIP_MEDIA_ENCRYPT_REQUIRE" } },
      { sipTrunkId: "ST_plain", address: "10.0.0.5", numbers: [] },
    ],
  };

  it("are listed apart from the routing table: where agents' calls go and how", () => {
    const plan = buildRoutingPlan(withDialer);
    expect(plan.outbound).toEqual([
      { name: "dialer", address: "sip.carrier.example:5061", transport: "tls", authUser: "agent", callerIds: ["+14155550123"], encryption: "require" },
      { name: "ST_plain", address: "10.0.0.5", transport: "auto", callerIds: [], encryption: "disable" },
    ]);
    expect(renderPlanMarkdown(plan)).toContain(
      "### Outbound trunks (agents' outgoing calls)\n\n| Trunk | Sends calls to | Transport | Auth | Caller IDs | Media encryption |\n|---|---|---|---|---|---|\n" +
        "| `dialer` | `sip.carrier.example:5061` | tls | user `agent` | `+14155550123` | require |\n| `ST_plain` | `10.0.0.5` | auto | none |  | disable |",
    );
    expect(renderPlanText(plan)).toMatch(/Outbound trunks \(agents' outgoing calls\)\n {2}Trunk +Sends calls to +Transport +Auth +Caller IDs +Media encryption\n/);
  });

  it("without outbound trunks, the plan has no such section", () => {
    expect(buildRoutingPlan(receptionist).outbound).toBeUndefined();
    expect(renderPlanText(buildRoutingPlan(receptionist))).not.toContain("Outbound trunks");
  });
});
