import { ID_ALPHABET, isSipDispatchRuleId, isSipTrunkId, newGuid, newSipDispatchRuleId, newSipTrunkId } from "../../src/livekit/ids";

describe("LiveKit IDs", () => {
  it("uses the 57-character shortuuid alphabet, without look-alikes", () => {
    expect(ID_ALPHABET).toHaveLength(57);
    for (const ch of "01IOl") expect(ID_ALPHABET).not.toContain(ch);
  });

  it("makes ST_ and SDR_ IDs of 12 random characters", () => {
    const trunks = Array.from({ length: 200 }, () => newSipTrunkId());
    expect(trunks.every(isSipTrunkId)).toBe(true);
    expect(new Set(trunks).size).toBe(200);
    const rule = newSipDispatchRuleId();
    expect(isSipDispatchRuleId(rule)).toBe(true);
    expect(isSipTrunkId(rule)).toBe(false);
  });

  it("rejects 6-bit values outside the alphabet instead of wrapping them", () => {
    // 0x3f and 0x39 are 63 and 57, both past the alphabet; 0x00 is "2", 0x38 (56) is "z".
    const bytes = [0x3f, 0x39, 0x00, 0x38];
    const id = newGuid("X_", () => Uint8Array.from(Array.from({ length: 16 }, (_, i) => bytes[i % 4])));
    expect(id).toBe("X_2z2z2z2z2z2z");
  });

  it.each(["ST_abc", "ST_0aaaaaaaaaaa", "st_aaaaaaaaaaaa", "ST_aaaaaaaaaaaaa"])("refuses %s as a trunk ID", (id) => {
    expect(isSipTrunkId(id)).toBe(false);
  });
});
