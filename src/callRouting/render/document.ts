import { markdownTable, textTable } from "./tables";
import { plainText } from "../wording";

/**
 * A report as a list of blocks, so one description of its content renders both as markdown and as
 * terminal text. Text may hold markdown code spans; the text renderer strips them.
 */
export type Block =
  | { readonly heading: string }
  | { readonly paragraph: string }
  | { readonly table: { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] } }
  | { readonly list: readonly string[] };

export function renderMarkdown(title: string, blocks: readonly Block[]): string {
  const out = [`## ${title}`];
  for (const block of blocks) {
    if ("heading" in block) out.push(`### ${block.heading}`);
    else if ("paragraph" in block) out.push(block.paragraph);
    else if ("table" in block) out.push(markdownTable(block.table.headers, block.table.rows));
    else out.push(block.list.map((item) => `- ${item}`).join("\n"));
  }
  return `${out.join("\n\n")}\n`;
}

export function renderText(title: string, blocks: readonly Block[]): string {
  const out = [title.toUpperCase()];
  for (const block of blocks) {
    if ("heading" in block) out.push("", plainText(block.heading));
    else if ("paragraph" in block) out.push(`  ${plainText(block.paragraph)}`);
    else if ("table" in block) out.push(textTable(block.table.headers, block.table.rows.map((row) => row.map(plainText)), "  "));
    else out.push(...block.list.map((item) => `  - ${plainText(item)}`));
  }
  return `${out.join("\n")}\n`;
}
