import { quoted } from "./text";

/** LiveKit collects DTMF digits until `#`, at most 16 (livekit/sip `pinPrompt`), and compares exactly. */
const dtmf = /^[0-9*A-D]{1,16}$/;

/** Why callers could never enter this pin, or undefined when they can. An empty pin means none. */
export function pinProblem(pin: string): string | undefined {
  if (pin === "" || dtmf.test(pin)) return undefined;
  if (pin.length > 16) return `${quoted(pin)} is longer than 16 digits: LiveKit hangs up after the 16th digit, so callers could never enter it`;
  if (pin.includes("#")) return `${quoted(pin)} contains #, which ends pin entry: callers could never enter it`;
  if (/^[0-9*a-d]+$/.test(pin)) return `${quoted(pin)} has lower-case letters; DTMF keys are A, B, C and D`;
  return `${quoted(pin)} has characters a phone keypad cannot send; use digits, * and A-D`;
}
