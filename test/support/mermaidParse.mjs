/**
 * Mermaid's own parser, as GitHub's renderer runs it, for tests (run as a process: Mermaid is an
 * ES module needing a DOM). Reads a JSON array of diagram texts on stdin, prints a JSON array of
 * `null` (parsed) or the parse error's first line.
 */
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const text of JSON.parse(input)) {
  try {
    await mermaid.parse(text);
    results.push(null);
  } catch (error) {
    results.push(String(error?.message ?? error).split("\n").slice(0, 3).join(" "));
  }
}
process.stdout.write(JSON.stringify(results));
