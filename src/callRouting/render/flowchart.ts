import type { PlanEntry, PlanRoute, RoutingPlan } from "../plan/plan";
import type { PlanRule } from "../plan/planRules";
import { refLabel } from "../refs";
import type { RoutingChange } from "../diff/routingChange";
import { plainText } from "../wording";

/**
 * The routing plan as a Mermaid flowchart, which GitHub draws in a pull-request comment: called
 * numbers (and their LiveKit Phone Numbers) → trunks, with the callers they accept → dispatch rules,
 * with pins and caller filters → rooms and agents. A diff draws both revisions in one picture, what
 * only the new one has as added, what only the old one had as removed, and what a risky change
 * names as risky.
 *
 * GitHub refuses diagrams over 500 edges or 50,000 characters, and well before that a picture
 * stops being readable: past 50 numbers the numbers are folded into their trunks, and past that
 * the picture is left out, each time saying so.
 */

type NodeKind = "number" | "trunk" | "rule" | "destination";

interface FlowNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  /** The names a change message may mention in code spans: a number, a trunk, a rule, a room. */
  readonly names: readonly string[];
}

interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly dotted: boolean;
}

/** A plan's picture: nodes and edges keyed by what they stand for, so two revisions can be compared. */
export interface FlowGraph {
  readonly nodes: Map<string, FlowNode>;
  readonly edges: Map<string, FlowEdge>;
  /** Numbers drawn inside their trunks rather than as nodes. */
  readonly foldedNumbers: number;
}

export const FLOWCHART_LIMITS = { numbers: 50, nodes: 150, edges: 300 } as const;

const ID_PREFIX: Record<NodeKind, string> = { number: "n", trunk: "t", rule: "r", destination: "d" };

/**
 * Mermaid text in a quoted label: `#` (its entity syntax), quotes and angle brackets (read as
 * HTML) written as entities, code spans dropped, line breaks as spaces.
 */
const ENTITIES: Record<string, string> = { "#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;" };
const escape = (text: string) => plainText(text).replace(/[#"<>]/g, (c) => ENTITIES[c]).replace(/\s+/g, " ");

const few = (items: readonly string[], noun: string) => (items.length <= 3 ? items.join(", ") : `${items.length} ${noun}`);

class GraphBuilder {
  readonly nodes = new Map<string, FlowNode>();
  readonly edges = new Map<string, FlowEdge>();
  private readonly counts: Record<NodeKind, number> = { number: 0, trunk: 0, rule: 0, destination: 0 };
  /** Per trunk→rule edge, the numbers it carries, to label edges that only some of a trunk's numbers take. */
  private readonly ruleNumbers = new Map<string, Set<string>>();
  private readonly trunkNumbers = new Map<string, Set<string>>();

  node(kind: NodeKind, key: string, label: string, names: readonly string[]): string {
    const fullKey = `${kind}:${key}`;
    const known = this.nodes.get(fullKey);
    if (known !== undefined) return fullKey;
    this.nodes.set(fullKey, { id: `${ID_PREFIX[kind]}${++this.counts[kind]}`, kind, label, names });
    return fullKey;
  }

  edge(from: string, to: string, label = "", dotted = false): void {
    const key = `${from}->${to}`;
    if (!this.edges.has(key)) this.edges.set(key, { from, to, label, dotted });
  }

  carries(trunk: string, rule: string, calledNumber: string): void {
    const edge = `${trunk}->${rule}`;
    if (!this.ruleNumbers.has(edge)) this.ruleNumbers.set(edge, new Set());
    this.ruleNumbers.get(edge)!.add(calledNumber);
    if (!this.trunkNumbers.has(trunk)) this.trunkNumbers.set(trunk, new Set());
    this.trunkNumbers.get(trunk)!.add(calledNumber);
  }

  /** Edges from a trunk to a rule only some of the trunk's numbers reach say which. */
  labelPartialEdges(): void {
    for (const [key, numbers] of this.ruleNumbers) {
      const edge = this.edges.get(key)!;
      const all = this.trunkNumbers.get(edge.from)!;
      if (numbers.size === all.size) continue;
      const only = `only ${few([...numbers], "numbers")}`;
      this.edges.set(key, { ...edge, label: edge.label === "" ? only : `${edge.label}; ${only}` });
    }
  }
}

const numberLabel = (entry: PlanEntry) => (entry.calledNumber === null ? "other numbers" : entry.calledNumber);

function ruleEdgeLabel(rule: PlanRule): string {
  const parts = [rule.pinRequired ? "pin" : "", rule.callers.length > 0 ? `callers ${few(rule.callers, "callers")}` : "", rule.shadowedBy !== undefined ? "never wins" : ""];
  return parts.filter((p) => p !== "").join("; ");
}

function addRules(graph: GraphBuilder, from: string, rules: readonly PlanRule[], calledNumber: string): void {
  for (const rule of rules) {
    const label = refLabel(rule);
    const ruleKey = graph.node("rule", rule.id || rule.name, `rule ${label}`, [label]);
    graph.edge(from, ruleKey, ruleEdgeLabel(rule), rule.shadowedBy !== undefined);
    graph.carries(from, ruleKey, calledNumber);
    const room = rule.kind === "invalid" ? "invalid rule" : `room ${rule.roomPattern}`;
    const agents = rule.agents.length === 0 ? "" : ` · agent${rule.agents.length === 1 ? "" : "s"} ${rule.agents.join(", ")}`;
    graph.edge(ruleKey, graph.node("destination", `${room}${agents}`, `${room}${agents}`, [rule.roomPattern, ...rule.agents]));
  }
}

function routeSource(graph: GraphBuilder, route: PlanRoute, entry: PlanEntry, numberKey: string | undefined, folded: Map<string, string[]>): string {
  if (route.phoneNumber !== undefined) return numberKey ?? graph.node("number", numberLabel(entry), `LiveKit number ${numberLabel(entry)}`, [numberLabel(entry)]);
  if (route.trunk === undefined) return graph.node("trunk", "<no trunk>", "no trunk: rules without trunk_ids (OSS)", []);
  const trunk = route.trunk;
  const gates = [
    trunk.callers.length === 0 ? "any caller" : `callers ${few(trunk.callers, "callers")}`,
    trunk.addresses.length === 0 ? "any address" : `addresses ${few(trunk.addresses, "ranges")}`,
    trunk.authUser === undefined ? "no auth" : "digest auth",
  ];
  const key = graph.node("trunk", trunk.id || trunk.name, `trunk ${refLabel(trunk)}${trunk.anyNumber ? " (any number)" : ""} · ${gates.join(" · ")}`, [refLabel(trunk)]);
  if (numberKey === undefined && entry.calledNumber !== null) folded.set(key, [...(folded.get(key) ?? []), entry.calledNumber]);
  return key;
}

/** The picture of one plan; `foldNumbers` draws numbers inside their trunks. */
export function planGraph(plan: RoutingPlan, foldNumbers: boolean): FlowGraph {
  const graph = new GraphBuilder();
  const folded = new Map<string, string[]>();
  let foldedNumbers = 0;
  for (const entry of plan.entries) {
    const calledNumber = numberLabel(entry);
    // A LiveKit number stands where a trunk would: it stays a node even when numbers are folded.
    const isLivekitNumber = entry.routes.some((r) => r.phoneNumber !== undefined);
    const numberKey = foldNumbers && !isLivekitNumber ? undefined : graph.node("number", calledNumber, isLivekitNumber ? `LiveKit number ${calledNumber}` : calledNumber, [calledNumber]);
    if (numberKey === undefined && entry.calledNumber !== null) foldedNumbers++;
    for (const route of entry.routes) {
      const source = routeSource(graph, route, entry, numberKey, folded);
      if (numberKey !== undefined && source !== numberKey) graph.edge(numberKey, source, route.fallback ? "callers the trunks above refuse" : "", route.fallback);
      if (route.rules.length === 0) graph.edge(source, graph.node("destination", "<dropped>", "dropped: no rule", []));
      addRules(graph, source, route.rules, calledNumber);
    }
  }
  for (const [key, numbers] of folded) {
    const node = graph.nodes.get(key)!;
    graph.nodes.set(key, { ...node, label: `${node.label} · ${few(numbers, "numbers")}`, names: [...node.names, ...numbers] });
  }
  graph.labelPartialEdges();
  return { nodes: graph.nodes, edges: graph.edges, foldedNumbers };
}

const fits = (graph: FlowGraph) => graph.nodes.size <= FLOWCHART_LIMITS.nodes && graph.edges.size <= FLOWCHART_LIMITS.edges;

/** What to draw: numbers as nodes while there are few enough, else folded into trunks, else nothing. */
function readable<T extends { graph: FlowGraph }>(build: (fold: boolean) => T, numbers: number): { drawn?: T; note?: string } {
  if (numbers <= FLOWCHART_LIMITS.numbers) {
    const drawn = build(false);
    if (fits(drawn.graph)) return { drawn };
  }
  const folded = build(true);
  const { nodes, edges, foldedNumbers } = folded.graph;
  if (fits(folded.graph)) return { drawn: folded, note: `_${foldedNumbers} numbers are drawn inside their trunks: one node per number would not be readable; the tables list each number._` };
  return {
    note: `_No picture: ${nodes.size} numbers, trunks, rules and rooms (${edges.size} links) are more than a readable flowchart holds (${FLOWCHART_LIMITS.nodes} and ${FLOWCHART_LIMITS.edges}); the tables list every route._`,
  };
}

const SHAPES: Record<NodeKind, [string, string]> = { number: ["([", "])"], trunk: ["[", "]"], rule: ["{{", "}}"], destination: ["[/", "/]"] };

type Mark = "added" | "removed" | "risky";

const CLASS_DEFS = [
  "classDef added stroke:#1a7f37,stroke-width:2px,color:#1a7f37",
  "classDef removed stroke:#cf222e,stroke-width:2px,stroke-dasharray:4 3,color:#cf222e",
  "classDef risky stroke:#bf8700,stroke-width:4px",
];
const LINK_STYLES: Record<Exclude<Mark, "risky">, string> = { added: "stroke:#1a7f37,stroke-width:2px", removed: "stroke:#cf222e,stroke-width:2px,stroke-dasharray:4 3" };

function mermaid(graph: FlowGraph, nodeMarks = new Map<string, Set<Mark>>(), edgeMarks = new Map<string, Exclude<Mark, "risky">>()): string {
  const lines = ["flowchart LR"];
  for (const node of graph.nodes.values()) {
    const [open, close] = SHAPES[node.kind];
    lines.push(`  ${node.id}${open}"${escape(node.label)}"${close}`);
  }
  const styles: string[] = [];
  [...graph.edges.entries()].forEach(([key, edge], position) => {
    const [from, to] = [graph.nodes.get(edge.from)!.id, graph.nodes.get(edge.to)!.id];
    const arrow = edge.dotted ? "-.->" : "-->";
    lines.push(`  ${from} ${arrow}${edge.label === "" ? "" : `|"${escape(edge.label)}"|`} ${to}`);
    const mark = edgeMarks.get(key);
    if (mark !== undefined) styles.push(`  linkStyle ${position} ${LINK_STYLES[mark]}`);
  });
  if (nodeMarks.size > 0) {
    lines.push(...CLASS_DEFS.map((c) => `  ${c}`));
    // A node can be added or removed and risky too: risky comes last, so its outline shows.
    for (const mark of ["added", "removed", "risky"] as const) {
      const ids = [...nodeMarks].filter(([, marks]) => marks.has(mark)).map(([key]) => graph.nodes.get(key)!.id);
      if (ids.length > 0) lines.push(`  class ${ids.join(",")} ${mark}`);
    }
  }
  lines.push(...styles);
  return ["```mermaid", ...lines, "```"].join("\n");
}

const numberCount = (plan: RoutingPlan) => plan.entries.filter((e) => e.calledNumber !== null).length;

/** The plan's picture for the Markdown report, with a note when it is folded or left out. */
export function renderPlanFlowchart(plan: RoutingPlan): string {
  const { drawn, note } = readable((fold) => ({ graph: planGraph(plan, fold) }), numberCount(plan));
  return [drawn === undefined ? undefined : mermaid(drawn.graph), note].filter((part) => part !== undefined).join("\n\n");
}

/** Both revisions in one graph: the new one's nodes and edges, then what only the old one had. */
function unionGraph(before: FlowGraph, after: FlowGraph): { graph: FlowGraph; nodeMarks: Map<string, Set<Mark>>; edgeMarks: Map<string, Exclude<Mark, "risky">> } {
  const nodes = new Map<string, FlowNode>();
  const counts: Record<NodeKind, number> = { number: 0, trunk: 0, rule: 0, destination: 0 };
  const nodeMarks = new Map<string, Set<Mark>>();
  const take = (key: string, node: FlowNode) => nodes.set(key, { ...node, id: `${ID_PREFIX[node.kind]}${++counts[node.kind]}` });
  for (const [key, node] of after.nodes) {
    take(key, node);
    if (!before.nodes.has(key)) nodeMarks.set(key, new Set(["added"]));
  }
  for (const [key, node] of before.nodes) {
    if (nodes.has(key)) continue;
    take(key, node);
    nodeMarks.set(key, new Set(["removed"]));
  }
  const edges = new Map(after.edges);
  const edgeMarks = new Map<string, Exclude<Mark, "risky">>();
  for (const key of after.edges.keys()) if (!before.edges.has(key)) edgeMarks.set(key, "added");
  for (const [key, edge] of before.edges) {
    if (edges.has(key)) continue;
    edges.set(key, edge);
    edgeMarks.set(key, "removed");
  }
  return { graph: { nodes, edges, foldedNumbers: Math.max(before.foldedNumbers, after.foldedNumbers) }, nodeMarks, edgeMarks };
}

/** Names in a change's code spans. */
const mentioned = (change: RoutingChange) => [...change.message.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

/**
 * The diff's picture: both revisions, added paths green, removed ones red and dashed, and every
 * number, trunk, rule or room a risky change names outlined in amber.
 */
export function renderDiffFlowchart(before: RoutingPlan, after: RoutingPlan, changes: readonly RoutingChange[]): string {
  const numbers = new Set([...before.entries, ...after.entries].filter((e) => e.calledNumber !== null).map((e) => e.calledNumber)).size;
  const { drawn, note } = readable((fold) => unionGraph(planGraph(before, fold), planGraph(after, fold)), numbers);
  if (drawn === undefined) return note ?? "";
  const { graph, nodeMarks, edgeMarks } = drawn;
  const riskyNames = new Set(changes.filter((c) => c.risky).flatMap(mentioned));
  for (const [key, node] of graph.nodes) {
    if (node.names.some((n) => riskyNames.has(n))) nodeMarks.set(key, new Set([...(nodeMarks.get(key) ?? []), "risky"]));
  }
  const legend = "_Green: only after the change; red, dashed: only before; amber outline: named by a risky change._";
  return [mermaid(graph, nodeMarks, edgeMarks), legend, note].filter((part) => part !== undefined).join("\n\n");
}
