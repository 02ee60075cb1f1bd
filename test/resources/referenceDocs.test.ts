import { readFileSync } from "node:fs";
import { join } from "node:path";
import { definitions } from "../../src/resources";
import { renderReference } from "../../src/resources/reference";

// Regenerate with: npm run docs
describe.each(Object.values(definitions))("docs/reference for $type", (definition) => {
  it("matches the schema", () => {
    const file = join(__dirname, "..", "..", "docs", "reference", `${definition.type}.md`);
    expect(readFileSync(file, "utf8")).toBe(renderReference(definition));
  });
});
