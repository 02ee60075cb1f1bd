import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseMermaid } from "../support/mermaid";

/** The Mermaid pictures of the docs (the architecture's among them) render: Mermaid's own parser accepts each. */
const docs = join(__dirname, "..", "..", "docs");

it("has Mermaid pictures in the docs that Mermaid parses", () => {
  const texts = readdirSync(docs)
    .filter((name) => name.endsWith(".md"))
    .map((name) => readFileSync(join(docs, name), "utf8"));
  const { blocks, errors } = parseMermaid(...texts);
  expect(blocks.length).toBeGreaterThan(0);
  expect(errors).toEqual(blocks.map(() => null));
});
