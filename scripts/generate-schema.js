// Writes the native provider's Pulumi package schema (provider/schema.json) from the resource
// schemas, as its GetSchema serves it (run after `npm run build`; a test keeps the file current).
const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { packageSchema } = require("../dist/provider/native/packageSchema");
const { version } = require("../package.json");

const file = join(__dirname, "..", "provider", "schema.json");
mkdirSync(join(file, ".."), { recursive: true });
writeFileSync(file, `${JSON.stringify(packageSchema(version), null, 2)}\n`);
console.log(`wrote ${file}`);
