import type { SipResourceType } from "../../resources";

/** The stack outputs of a generated program: LiveKit IDs by logical name. */
export const idOutputs: Record<SipResourceType, string> = { InboundTrunk: "inboundTrunkIds", OutboundTrunk: "outboundTrunkIds", DispatchRule: "dispatchRuleIds" };

// Names a generated program cannot declare as variables, or already uses itself.
const unavailable = [
  ...["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export"],
  ...["extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super"],
  ...["switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static"],
  ...["implements", "interface", "package", "private", "protected", "public", "await", "arguments", "eval", "undefined"],
  ...["pulumi", "config", ...Object.values(idOutputs)],
];

const maxLength = 48;

/** `Twilio inbound (US)` → `twilioInboundUs`; empty when the label has no letters or digits. */
export function camelCase(label: string): string {
  const words = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "");
  const lowered = words.map((w) => (w === w.toUpperCase() ? w.toLowerCase() : w[0].toLowerCase() + w.slice(1)));
  return lowered
    .map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1)))
    .join("")
    .slice(0, maxLength);
}

/**
 * Hands out the logical names of one export: each is a spec key, a TypeScript variable and the
 * stem of config keys at once, so it is a camelCase identifier, unique across all kinds.
 */
export class LogicalNames {
  private readonly taken = new Set(unavailable);

  /** A name from a LiveKit object's label, or from `fallback` (the kind) when the label gives none. */
  claim(label: string, fallback: string): string {
    const fromLabel = camelCase(label);
    const base = fromLabel === "" ? fallback : /^[0-9]/.test(fromLabel) ? fallback + fromLabel : fromLabel;
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}
