import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { parseMermaid } from "../support/mermaid";
import {
  buildRoutingPlan,
  diffRouting,
  formatDiff,
  formatPlan,
  hasRiskyChanges,
  loadRoutingConfig,
  type ReviewSource,
  type RoutingConfig,
} from "../../src/routing";

/**
 * `plan` and `diff` on the shipped examples and the root stacks, through the library the commands
 * call. Snapshots are in __snapshots__/, checked by eye; the receptionist's route is also spelled
 * out below, as it is the one the docs show.
 */

const root = join(__dirname, "..", "..");
const example = (name: string) => join(root, "examples", name);

// Inside the repository, so that copied programs find @pulumi/pulumi as the originals do.
mkdirSync(join(root, ".fixtures"), { recursive: true });
const scratch = mkdtempSync(join(root, ".fixtures", "review-examples-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The example after a pull request changed its dev stack config. A copy, because jest's module
 * registry runs a program file only once per test file.
 */
function editedExample(name: string, changes: Record<string, unknown>): ReviewSource {
  const dir = join(scratch, name);
  cpSync(example(name), dir, { recursive: true });
  const file = join(dir, "Pulumi.dev.yaml");
  const { config } = parse(readFileSync(file, "utf8")) as { config: Record<string, unknown> };
  writeFileSync(file, stringify({ config: { ...config, ...changes } }));
  return { path: dir, stack: "dev" };
}

const sources: Record<string, ReviewSource> = {
  "inbound-receptionist": { path: example("inbound-receptionist"), stack: "dev" },
  "outbound-calling": { path: example("outbound-calling"), stack: "dev" },
  "conference-lines": { path: example("conference-lines"), stack: "dev" },
  "phone-number-rule": { path: example("phone-number-rule"), stack: "dev" },
  "root dev": { path: join(root, "Pulumi.dev.yaml") },
  "root prod": { path: join(root, "Pulumi.prod.yaml") },
};

/** Each source is evaluated once (see editedExample). */
const loaded = new Map<ReviewSource, Promise<RoutingConfig>>();
const configOf = (source: ReviewSource) => loaded.get(source) ?? loaded.set(source, loadRoutingConfig(source)).get(source)!;

const planOf = async (source: ReviewSource, format: "markdown" | "text") => formatPlan(buildRoutingPlan(await configOf(source)), format);

describe("plan of the examples", () => {
  it.each(Object.keys(sources))("%s, as markdown", async (name) => {
    expect(await planOf(sources[name], "markdown")).toMatchSnapshot();
  });

  it.each(["inbound-receptionist", "root prod"])("%s, as text", async (name) => {
    expect(await planOf(sources[name], "text")).toMatchSnapshot();
  });

  it("routes the receptionist's number through the Twilio trunk to a room per caller with the agent", async () => {
    const plan = await planOf(sources["inbound-receptionist"], "markdown");
    expect(plan).toContain(
      "Trunk `Twilio inbound` (`trunk:twilio`): callers: any; addresses: `54.172.60.0/30`, `54.244.51.0/30`; auth: digest (user `livekit`)",
    );
    expect(plan).toContain(
      "| 1 | `AI receptionist` | this trunk | any | none | `call_<caller>_<random>` | `receptionist-dev` | on | defaults + G722/8000, PCMU/8000 | disable |",
    );
  });
});

interface DiffCase {
  base: ReviewSource;
  head: ReviewSource;
  risky: boolean;
}

const diffCases: Record<string, DiffCase> = {
  "inbound-receptionist: new agent, second number, carrier range widened": {
    base: sources["inbound-receptionist"],
    head: editedExample("inbound-receptionist", {
      "inbound-receptionist:agentName": "receptionist-v2",
      "inbound-receptionist:numbers": ["+14155550100", "+14155550101"],
      "inbound-receptionist:carrierAddresses": ["54.172.60.0/24", "54.244.51.0/30"],
    }),
    risky: true,
  },
  "outbound-calling: another caller ID (outbound trunks are reviewed too)": {
    base: sources["outbound-calling"],
    head: editedExample("outbound-calling", { "outbound-calling:callerIds": ["+14155550123", "+14155550124"] }),
    risky: false,
  },
  "conference-lines: a pin changed, a room renamed": {
    base: sources["conference-lines"],
    head: editedExample("conference-lines", {
      "conference-lines:lines": { sales: { pin: "1111", room: "sales-weekly" }, engineering: { pin: "3333", room: "eng-sync" } },
    }),
    risky: true,
  },
  // Risky by design: callers reach another agent without a pin.
  "phone-number-rule: another agent": {
    base: sources["phone-number-rule"],
    head: editedExample("phone-number-rule", { "phone-number-rule:agentName": "support-agent-v2" }),
    risky: true,
  },
  "root: dev to prod": { base: sources["root dev"], head: sources["root prod"], risky: true },
};

describe("diff of the examples", () => {
  it.each(Object.keys(diffCases))("%s", async (name) => {
    const { base, head, risky } = diffCases[name];
    const [before, after] = [await configOf(base), await configOf(head)];
    const changes = diffRouting(before, after);
    expect(formatDiff(changes, "markdown", { before, after })).toMatchSnapshot();
    expect(hasRiskyChanges(changes)).toBe(risky);
  });

  it("draws every plan and diff of the examples as a flowchart Mermaid parses", async () => {
    const plans = await Promise.all(Object.values(sources).map((source) => planOf(source, "markdown")));
    const diffs = await Promise.all(
      Object.values(diffCases).map(async ({ base, head }) => {
        const [before, after] = [await configOf(base), await configOf(head)];
        return formatDiff(diffRouting(before, after), "markdown", { before, after });
      }),
    );
    const { blocks, errors } = parseMermaid(...plans, ...diffs);
    expect(blocks.length).toBe(plans.length + diffs.filter((d) => !d.includes("No routing changes.")).length);
    expect(errors.filter((e) => e !== null)).toEqual([]);
  });

  it("root dev to prod, as text", async () => {
    const changes = diffRouting(await configOf(sources["root dev"]), await configOf(sources["root prod"]));
    expect(formatDiff(changes, "text")).toMatchSnapshot();
  });
});
