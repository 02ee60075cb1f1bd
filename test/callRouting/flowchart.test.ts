import {
  buildRoutingPlan,
  diffRouting,
  FLOWCHART_LIMITS,
  renderDiffMarkdown,
  renderPlanMarkdown,
  type RoutingConfig,
  type RoutingRule,
  type RoutingTrunk,
} from "../../src/callRouting";
import { parseMermaid } from "../support/mermaid";
import { agents, direct, individual, rule, trunk } from "./builders";

/**
 * The plan and diff pictures: checked with Mermaid's own parser (the one GitHub renders with),
 * readable at 50 numbers, folded and then left out beyond, and the diff's marks on what changed.
 */

const office: RoutingConfig = {
  trunks: [
    trunk("ST_main", { name: 'Main "HQ" #1', numbers: ["+14155550100", "+14155550101"], allowedAddresses: ["192.0.2.0/24"], authUsername: "u", authPassword: "p" }),
    trunk("ST_vip", { name: "VIP <line>", numbers: ["+14155550102"], allowedNumbers: ["+12125550123"] }),
  ],
  rules: [
    rule("SDR_front", individual("call"), { name: "Front desk", trunkIds: ["ST_main"], roomConfig: agents("receptionist") }),
    rule("SDR_board", direct("board", "1234"), { name: "Board `line`", trunkIds: ["ST_main"], numbers: ["+14155550101"] }),
    rule("SDR_vip", direct("vip"), { name: "VIP", trunkIds: ["ST_vip"], roomConfig: agents("concierge") }),
  ],
  livekitNumbers: [{ id: "PN_1", e164Format: "+14155550199", sipDispatchRuleIds: ["SDR_front"] }],
};

/** n numbers on n/5 trunks, one open rule per trunk. */
function estate(numbers: number): RoutingConfig {
  const trunks: RoutingTrunk[] = [];
  const rules: RoutingRule[] = [];
  for (let t = 0; t * 5 < numbers; t++) {
    const listed = Array.from({ length: Math.min(5, numbers - t * 5) }, (_, i) => `+1415${String(5550000 + t * 5 + i)}`);
    trunks.push(trunk(`ST_${t}`, { name: `trunk ${t}`, numbers: listed }));
    rules.push(rule(`SDR_${t}`, direct(`room-${t}`), { name: `rule ${t}`, trunkIds: [`ST_${t}`] }));
  }
  return { trunks, rules };
}

describe("the plan's picture", () => {
  it("draws numbers → trunks with their gates → rules with pins → rooms and agents, and a LiveKit number straight to its rule", () => {
    const markdown = renderPlanMarkdown(buildRoutingPlan(office));
    const { blocks, errors } = parseMermaid(markdown);
    expect(errors).toEqual([null]);
    const [diagram] = blocks;
    expect(diagram).toContain('(["+14155550100"])');
    expect(diagram).toContain('["trunk Main #quot;HQ#quot; #35;1 · any caller · addresses 192.0.2.0/24 · digest auth"]');
    expect(diagram).toContain('["trunk VIP #lt;line#gt; · callers +12125550123 · any address · no auth"]');
    expect(diagram).toContain('{{"rule Board line"}}');
    expect(diagram).toContain('[/"room call_#lt;caller#gt;_#lt;random#gt; · agent receptionist"/]');
    expect(diagram).toContain('(["LiveKit number +14155550199"])');
    // The board rule takes only one of the main trunk's numbers, and asks for a pin.
    expect(diagram).toMatch(/t1 -->\|"pin; only \+14155550101"\| r\d/);
    expect(markdown.indexOf("```mermaid")).toBeLessThan(markdown.indexOf("### Calls to"));
  });

  it(`draws every number up to ${FLOWCHART_LIMITS.numbers}, folds them into their trunks beyond, and says so`, () => {
    const numberNodes = (markdown: string) => (markdown.match(/ {2}n\d+\(\["\+1415/g) ?? []).length;
    const atLimit = renderPlanMarkdown(buildRoutingPlan(estate(FLOWCHART_LIMITS.numbers)));
    expect(numberNodes(atLimit)).toBe(FLOWCHART_LIMITS.numbers);
    expect(atLimit).not.toContain("drawn inside their trunks");

    const beyond = renderPlanMarkdown(buildRoutingPlan(estate(FLOWCHART_LIMITS.numbers + 1)));
    expect(numberNodes(beyond)).toBe(0);
    expect(beyond).toContain(`_${FLOWCHART_LIMITS.numbers + 1} numbers are drawn inside their trunks`);
    expect(beyond).toContain('["trunk trunk 10 · any caller · any address · no auth · +14155550050"]');
    expect(beyond).toContain('["trunk trunk 0 · any caller · any address · no auth · 5 numbers"]');
    expect(parseMermaid(atLimit).errors).toEqual([null]);
    expect(parseMermaid(beyond).errors).toEqual([null]);
  });

  it("leaves the picture out when even folded it would not be readable, and says why", () => {
    const markdown = renderPlanMarkdown(buildRoutingPlan(estate(1000)));
    expect(markdown).not.toContain("```mermaid");
    expect(markdown).toMatch(/_No picture: \d+ numbers, trunks, rules and rooms \(\d+ links\) are more than a readable flowchart holds/);
  });
});

describe("the diff's picture", () => {
  const after: RoutingConfig = {
    ...office,
    rules: [
      ...office.rules.filter((r) => r.sipDispatchRuleId !== "SDR_vip"),
      rule("SDR_sales", direct("sales"), { name: "Sales", trunkIds: ["ST_vip"], roomConfig: agents("sales-bot") }),
    ],
  };

  it("marks what only the new revision has as added, what only the old one had as removed, and what risky changes name", () => {
    const changes = diffRouting(office, after);
    const markdown = renderDiffMarkdown(changes, { before: buildRoutingPlan(office), after: buildRoutingPlan(after) });
    const { blocks, errors } = parseMermaid(markdown);
    expect(errors).toEqual([null]);
    const [diagram] = blocks;
    const idOf = (label: string) => new RegExp(`(\\w+)\\W+"${label}"`).exec(diagram)?.[1];
    const classes = (mark: string) => new RegExp(`class (\\S+) ${mark}`).exec(diagram)?.[1].split(",") ?? [];
    expect(classes("added")).toEqual(expect.arrayContaining([idOf("rule Sales"), idOf("room sales · agent sales-bot")]));
    expect(classes("removed")).toEqual(expect.arrayContaining([idOf("rule VIP"), idOf("room vip · agent concierge")]));
    // The VIP number's calls now land elsewhere, a risky change naming it.
    expect(changes.some((c) => c.risky && c.message.includes("`+14155550102`"))).toBe(true);
    expect(classes("risky")).toContain(idOf("\\+14155550102"));
    expect(diagram).toMatch(/linkStyle \d+ stroke:#1a7f37/);
    expect(diagram).toMatch(/linkStyle \d+ stroke:#cf222e/);
    expect(markdown).toContain("_Green: only after the change; red, dashed: only before; amber outline: named by a risky change._");
  });

  it("is absent without the revisions' plans, and without changes", () => {
    const changes = diffRouting(office, after);
    expect(renderDiffMarkdown(changes)).not.toContain("```mermaid");
    expect(renderDiffMarkdown([], { before: buildRoutingPlan(office), after: buildRoutingPlan(office) })).not.toContain("```mermaid");
  });
});
