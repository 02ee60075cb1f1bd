/** Plain table layout for the markdown and terminal renderers. */

const escapeCell = (cell: string) => cell.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** A GitHub-flavoured markdown table; columns listed in `rightAligned` are aligned right. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  const rule = headers.map((_, i) => (rightAligned.includes(i) ? "---:" : "---"));
  return [line(headers), `|${rule.join("|")}|`, ...rows.map(line)].join("\n");
}

/** Columns padded to their widest cell, separated by two spaces, under a dashed header rule. */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[], indent = ""): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => `${indent}${cells.map((c, i) => c.padEnd(widths[i])).join("  ")}`.trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
