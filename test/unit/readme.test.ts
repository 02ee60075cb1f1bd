import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");

describe("README", () => {
  it("shows the inbound receptionist example exactly as it is tested", () => {
    const example = readFileSync(join(root, "examples", "inbound-receptionist", "index.ts"), "utf8");
    expect(readme).toContain("```ts\n" + example + "```");
  });

  it("only mentions npm scripts that exist", () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts);
    const mentioned = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(mentioned.filter((s) => !scripts.includes(s))).toEqual([]);
  });

  it("links only to files that exist", () => {
    const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)]+)\)/g)].map((m) => m[1]);
    expect(links.filter((l) => !existsSync(join(root, l)))).toEqual([]);
  });
});
