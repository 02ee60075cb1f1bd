/** The first character outside printable text (C0/C1 controls, DEL), as `U+XXXX`, if any. */
export function controlCharacter(value: string): string | undefined {
  const match = /[\u0000-\u001f\u007f-\u009f]/.exec(value);
  return match ? `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : undefined;
}

/** The first non-ASCII character, as `U+XXXX "c"`, if any: look-alikes of digits and letters. */
export function nonAscii(value: string): string | undefined {
  const match = /[^\u0000-\u007f]/u.exec(value);
  return match ? `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} "${match[0]}"` : undefined;
}

/** A value quoted for a message, shortened so a huge input never floods the output. */
export function quoted(value: string, max = 60): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}
