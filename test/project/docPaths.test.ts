import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Every path of this repository that the README and docs/ name exists: a moved or renamed file
 * cannot leave the docs pointing at nothing (jest patterns such as `test/e2e/faults` name their test file). Paths with placeholders (`src/resources/<kind>/`) are
 * patterns, not paths.
 */
const root = join(__dirname, "..", "..");
const documents = ["README.md", ...readdirSync(join(root, "docs")).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`)];
const PATH = /(?<![\w./-])((?:src|test|bench|scripts|examples)\/[\w./<>*{}-]*[\w/>}])/g;

export function pathsNamedIn(text: string): string[] {
  return [...new Set([...text.matchAll(PATH)].map((match) => match[1]))].filter((path) => !/[<*{]/.test(path));
}

it.each(documents)("%s names only paths that exist", (document) => {
  // A test named as jest's pattern (`npx jest test/e2e/faults`) counts as its file.
  const missing = pathsNamedIn(readFileSync(join(root, document), "utf8")).filter((path) => ![path, `${path}.test.ts`].some((p) => existsSync(join(root, p))));
  expect(missing).toEqual([]);
});

it("reads the paths a document names, and leaves patterns alone", () => {
  expect(pathsNamedIn("see `src/provider/lifecycle.ts`, (src/routing/) and src/resources/<kind>/definition.ts.")).toEqual(["src/provider/lifecycle.ts", "src/routing/"]);
});
