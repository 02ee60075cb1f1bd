import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");

/** GitHub's anchors for a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
function headingSlugs(markdown: string): string[] {
  return [...markdown.matchAll(/^#+ (.+)$/gm)].map((m) =>
    m[1]
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, "")
      .replace(/ /g, "-"),
  );
}

describe("README", () => {
  it("shows the inbound receptionist example exactly as it is tested", () => {
    const example = readFileSync(join(root, "examples", "inbound-receptionist", "index.ts"), "utf8");
    expect(readme).toContain("```ts\n" + example + "```");
  });

  it("shows the Python receptionist exactly as it is tested", () => {
    const example = readFileSync(join(root, "examples", "python-receptionist", "__main__.py"), "utf8");
    expect(readme).toContain("```python\n" + example + "```");
  });

  it("only mentions npm scripts that exist", () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts);
    const mentioned = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(mentioned.filter((s) => !scripts.includes(s))).toEqual([]);
  });

  it("links only to files that exist, and to headings those files have", () => {
    const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)]+)\)/g)].map((m) => m[1]);
    const broken = links.filter((link) => {
      const [file, anchor] = link.split("#");
      if (!existsSync(join(root, file))) return true;
      return anchor !== undefined && !headingSlugs(readFileSync(join(root, file), "utf8")).includes(anchor);
    });
    expect(broken).toEqual([]);
  });
});
