import { InvalidArgumentError } from "commander";

/** Argument parsers shared by CLI commands; each throws commander's error so usage is shown. */

export function parseInteger(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError("Not an integer.");
  return Number(value);
}

export function parsePort(value: string): number {
  const port = parseInteger(value);
  if (port < 0 || port > 65535) throw new InvalidArgumentError("Not a port (0-65535).");
  return port;
}

export function parseFraction(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !(n >= 0 && n <= 1)) throw new InvalidArgumentError("Not a fraction between 0 and 1.");
  return n;
}

export function parseList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** `N` or `MIN-MAX`, in milliseconds. */
export function parseMillisecondsOrRange(value: string): number | { minMs: number; maxMs: number } {
  const range = /^(\d+)-(\d+)$/.exec(value);
  if (range !== null) {
    const [minMs, maxMs] = [Number(range[1]), Number(range[2])];
    if (minMs > maxMs) throw new InvalidArgumentError("The range minimum is above its maximum.");
    return { minMs, maxMs };
  }
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("Expected milliseconds N or a range MIN-MAX.");
  return Number(value);
}

export function parseChoice<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value)) throw new InvalidArgumentError(`Expected one of: ${choices.join(", ")}.`);
    return value as T;
  };
}
