/**
 * Shared wording of the reports. Sentences are written with markdown code spans around names,
 * numbers and room patterns; the text renderers strip the backticks.
 */

export const code = (text: string): string => `\`${text}\``;

export const codeList = (items: readonly string[]): string => items.map(code).join(", ");

/** Markdown code spans to plain text, for terminals. */
export const plainText = (text: string): string => text.replace(/`([^`]*)`/g, "$1");

/** `any` for an empty filter list, else the listed values. */
export const anyOr = (items: readonly string[]): string => (items.length === 0 ? "any" : codeList(items));
