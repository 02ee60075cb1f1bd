import { randomBytes } from "node:crypto";

/**
 * LiveKit resource IDs (protocol `utils/guid/id.go`): a prefix plus 12 characters of the
 * shortuuid base57 alphabet, drawn by rejection sampling of 6-bit chunks.
 */

export const SIP_TRUNK_PREFIX = "ST_";
export const SIP_DISPATCH_RULE_PREFIX = "SDR_";
export const SIP_CALL_PREFIX = "SCL_";
export const SIP_TRANSFER_PREFIX = "STR_";

export const ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
export const ID_RANDOM_LENGTH = 12;

export const SIP_TRUNK_ID_PATTERN = /^ST_[2-9A-HJ-NP-Za-km-z]{12}$/;
export const SIP_DISPATCH_RULE_ID_PATTERN = /^SDR_[2-9A-HJ-NP-Za-km-z]{12}$/;

export const isSipTrunkId = (id: string): boolean => SIP_TRUNK_ID_PATTERN.test(id);
export const isSipDispatchRuleId = (id: string): boolean => SIP_DISPATCH_RULE_ID_PATTERN.test(id);

/** A source of random bytes; injectable so callers can make IDs reproducible. */
export type RandomBytes = (size: number) => Uint8Array;

export function newGuid(prefix: string, random: RandomBytes = randomBytes): string {
  let id = prefix;
  while (id.length < prefix.length + ID_RANDOM_LENGTH) {
    for (const byte of random(16)) {
      const index = byte & 0x3f;
      if (index < ID_ALPHABET.length) id += ID_ALPHABET[index];
      if (id.length === prefix.length + ID_RANDOM_LENGTH) break;
    }
  }
  return id;
}

export const newSipTrunkId = (random?: RandomBytes): string => newGuid(SIP_TRUNK_PREFIX, random);
export const newSipDispatchRuleId = (random?: RandomBytes): string => newGuid(SIP_DISPATCH_RULE_PREFIX, random);
