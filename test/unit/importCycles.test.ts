import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";

/**
 * No module of the package imports, through any chain, a module that imports it back (type-only
 * imports included: a loop of types is a loop of concepts). A loop means two files are one
 * concern split in two, or a lower one reaching up.
 */
const root = resolve(__dirname, "..", "..", "provider");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith(".ts") ? [path] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s+[^;]*?from\s+"(\.{1,2}\/[^"]+)"/gm;

function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(IMPORT)].flatMap((match) => {
    const base = resolve(dirname(file), match[1]);
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

it("has no import cycles in provider/", () => {
  expect(cycles(root)).toEqual([]);
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
