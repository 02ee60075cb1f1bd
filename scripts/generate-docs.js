// Regenerates docs/reference/*.md from the resource schemas (run after `npm run build`).
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { definitions } = require("../dist/resources");
const { renderReference } = require("../dist/resources/reference");

for (const definition of Object.values(definitions)) {
  const file = join(__dirname, "..", "docs", "reference", `${definition.type}.md`);
  writeFileSync(file, renderReference(definition));
  console.log(`wrote ${file}`);
}
