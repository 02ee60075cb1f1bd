/** Source text to paste into generated code as is (an expression such as `main.sipTrunkId`). */
export class Code {
  constructor(readonly text: string) {}
}

const lineWidth = 100;

const propertyName = (key: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : stringLiteral(key));

/** Double quotes, unless the text holds double quotes and no single ones (JSON metadata reads better so). */
const stringLiteral = (text: string) =>
  text.includes('"') && !text.includes("'") ? `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"')}'` : JSON.stringify(text);

const isContainer = (v: unknown) => typeof v === "object" && v !== null && !(v instanceof Code);

/**
 * A JSON-like value as a TypeScript expression, laid out as Prettier would: a list, or an object of
 * plain values, on one line when it fits; otherwise one entry per line.
 */
export function tsLiteral(value: unknown, indent = ""): string {
  if (value instanceof Code) return value.text;
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value !== "object" || value === null) return String(value);
  const inner = `${indent}  `;
  const isList = Array.isArray(value);
  const entries = isList
    ? value.map((item) => tsLiteral(item, inner))
    : Object.entries(value).map(([key, item]) => `${propertyName(key)}: ${tsLiteral(item, inner)}`);
  if (entries.length === 0) return isList ? "[]" : "{}";
  const oneLine = isList ? `[${entries.join(", ")}]` : `{ ${entries.join(", ")} }`;
  const flat = isList || !Object.values(value).some(isContainer);
  if (flat && indent.length + oneLine.length <= lineWidth && !oneLine.includes("\n")) return oneLine;
  const [open, close] = isList ? ["[", "]"] : ["{", "}"];
  return `${open}\n${entries.map((entry) => `${inner}${entry},\n`).join("")}${indent}${close}`;
}
