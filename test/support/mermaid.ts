import { execFileSync } from "node:child_process";
import { join } from "node:path";

/** The Mermaid blocks of Markdown reports, each parsed by Mermaid itself: null for each that parses. */
export function parseMermaid(...markdown: string[]): { blocks: string[]; errors: (string | null)[] } {
  const blocks = markdown.flatMap((text) => [...text.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]));
  const output = execFileSync(process.execPath, [join(__dirname, "mermaidParse.mjs")], { input: JSON.stringify(blocks), encoding: "utf8" });
  return { blocks, errors: JSON.parse(output) };
}
