import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

/**
 * The source keeps its types honest: no `any` (which switches checking off for everything it
 * touches) and no `as never` (which passes any value anywhere). A cast that must stay is a
 * specific one in a named, commented helper (e.g. `asSipResponse`). Parsing only, no type check.
 */
const root = resolve(__dirname, "..", "..", "src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith(".ts") ? [path] : [];
  });
}

/** Each `any` type and `as never` cast in a file's text, as `file:line: what`. */
function escapes(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${what}`);
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) at(node, "any");
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && node.type.kind === ts.SyntaxKind.NeverKeyword) at(node, "as never");
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

it("has no `any` type and no `as never` cast in src/", () => {
  expect(sources(root).flatMap((file) => escapes(relative(root, file), readFileSync(file, "utf8")))).toEqual([]);
});

it("finds `any` wherever it is written and `as never` in both spellings, but not the words in comments or strings", () => {
  const text = [
    "// any value was never checked",
    'const note = "callers: any; as never";',
    "export function f(x: any): Promise<any> { return x as never; }",
    "type T = Record<string, any>;",
    "const y = <never>f(1);",
  ].join("\n");
  expect(escapes("t.ts", text)).toEqual(["t.ts:3: any", "t.ts:3: any", "t.ts:3: as never", "t.ts:4: any", "t.ts:5: as never"]);
});
