/**
 * What a caller can type at LiveKit's pin prompt (livekit/sip `pinPrompt`): DTMF digits, at most
 * 16 of them, with `#` ending the entry. A pin outside that can never be entered.
 */
export const MAX_PIN_DIGITS = 16;

const DTMF_PIN = /^[0-9*A-D]+$/;

/** Why a rule's pin cannot be entered on a keypad, if it cannot. */
export function untypeablePin(pin: string): string | undefined {
  if (pin.length > MAX_PIN_DIGITS) return `has ${pin.length} digits; LiveKit reads at most ${MAX_PIN_DIGITS}`;
  if (!DTMF_PIN.test(pin)) return "contains characters a keypad cannot send (DTMF is 0-9, *, A-D; # ends the entry)";
  return undefined;
}
