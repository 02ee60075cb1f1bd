import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";

/**
 * The source tree is the architecture (docs/architecture.md): each folder is a layer, and imports
 * only run down. No module imports, through any chain, a module that imports it back (type-only
 * imports included: a loop of types is a loop of concepts), and no layer imports one that is not
 * below it. A loop means two files are one concern split in two; an upward import, a lower layer
 * that knows about a higher one.
 */
const root = resolve(__dirname, "..", "..", "src");

/**
 * Each layer of src/ and the layers it may import, lowest first. A file belongs to the longest
 * layer path that contains it. Adding a folder means placing it here, in the doc's picture too.
 */
const layers: Record<string, string[]> = {
  livekit: [],
  client: ["livekit"],
  schema: ["livekit"],
  callRouting: ["livekit"],
  "callRouting/match": ["callRouting", "livekit"],
  "callRouting/simulate": ["callRouting/match", "callRouting", "livekit"],
  "callRouting/plan": ["callRouting/simulate", "callRouting/match", "callRouting", "livekit"],
  "callRouting/diff": ["callRouting/plan", "callRouting/simulate", "callRouting/match", "callRouting", "livekit"],
  "callRouting/render": ["callRouting/diff", "callRouting/plan", "callRouting/simulate", "callRouting/match", "callRouting", "livekit"],
  "callRouting/index.ts": ["callRouting/render", "callRouting/diff", "callRouting/plan", "callRouting/simulate", "callRouting/match", "callRouting"],
  resources: ["schema", "client", "livekit"],
  provider: ["resources", "schema", "client", "livekit"],
  "provider/native": ["provider", "resources", "schema", "client", "livekit"],
  stack: ["resources", "schema", "livekit"],
  emulator: ["livekit"],
  "tools/offline": ["stack", "provider", "resources", "schema", "client", "livekit"],
  "tools/export": ["stack", "resources", "schema", "client", "livekit"],
  "tools/drift": ["tools/offline", "provider", "resources", "schema", "client", "livekit"],
  routing: ["tools/offline", "callRouting/index.ts", "stack", "resources", "schema", "livekit"],
  policy: ["callRouting/index.ts", "livekit"],
  cli: ["routing", "tools/drift", "tools/export", "tools/offline", "emulator", "provider", "resources", "client", "livekit"],
  program: ["stack"],
  "index.ts": ["stack", "resources"],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith(".ts") ? [path] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s+[^;]*?from\s+"(\.{1,2}\/[^"]+)"|\b(?:require|import)\(\s*"(\.{1,2}\/[^"]+)"\s*\)/gm;

function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(IMPORT)].flatMap((match) => {
    const base = resolve(dirname(file), match[1] ?? match[2]);
    const found = [`${base}.ts`, join(base, "index.ts")].find((candidate) => existsSync(candidate));
    return found ? [found] : [];
  });
}

function cycles(dir: string): string[] {
  const graph = new Map(sources(dir).map((file) => [file, importsOf(file)]));
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const found: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push([...path.slice(path.indexOf(next)), next].map((f) => relative(dir, f)).join(" -> "));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

function layerOf(dir: string, file: string): string | undefined {
  const path = relative(dir, file).split(sep).join("/");
  return Object.keys(layers)
    .filter((layer) => path === layer || path.startsWith(`${layer}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** Every import that leaves its layer for one the layer may not use, and every file on no layer. */
function layerBreaches(dir: string): string[] {
  return sources(dir).flatMap((file) => {
    const from = layerOf(dir, file);
    if (from === undefined) return [`${relative(dir, file)} is on no layer`];
    return importsOf(file).flatMap((target) => {
      const to = layerOf(dir, target);
      if (to === from || (to !== undefined && layers[from].includes(to))) return [];
      return [`${relative(dir, file)} (${from}) imports ${relative(dir, target)} (${to ?? "no layer"})`];
    });
  });
}

it("has no import cycles in src/", () => {
  expect(cycles(root)).toEqual([]);
});

it("imports only downwards: every file is on a layer and uses only the layers below it", () => {
  expect(layerBreaches(root)).toEqual([]);
});

it("names every layer's allowed imports among the layers, and never a layer that may import it back", () => {
  for (const [layer, below] of Object.entries(layers)) {
    for (const lower of below) {
      expect(layers[lower]).toBeDefined();
      expect(layers[lower]).not.toContain(layer);
    }
  }
});

it("finds an upward import, a required one included, and a file on no layer", () => {
  const dir = mkdtempSync(join(tmpdir(), "import-layers-"));
  try {
    for (const folder of ["schema", "resources", "stray"]) mkdirSync(join(dir, folder));
    writeFileSync(join(dir, "resources", "definition.ts"), 'import { field } from "../schema/field";\nexport const definition = field;\n');
    writeFileSync(join(dir, "schema", "field.ts"), 'export const field = 1;\nexport const lazy = () => require("../resources/definition");\n');
    writeFileSync(join(dir, "stray", "thing.ts"), "export const thing = 1;\n");
    expect(layerBreaches(dir)).toEqual(["schema/field.ts (schema) imports resources/definition.ts (resources)", "stray/thing.ts is on no layer"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("finds a cycle, type-only and through an index, when there is one", () => {
  const dir = mkdtempSync(join(tmpdir(), "import-cycles-"));
  try {
    writeFileSync(join(dir, "plan.ts"), 'import { warnings } from "./warnings";\nexport const plan = warnings;\n');
    writeFileSync(join(dir, "warnings.ts"), 'import type {\n  Plan,\n} from "./types";\nexport const warnings = 1;\n');
    writeFileSync(join(dir, "types.ts"), 'export type { Plan } from "./plan";\n');
    expect(cycles(dir)).toEqual(["plan.ts -> warnings.ts -> types.ts -> plan.ts"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
