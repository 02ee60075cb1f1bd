import fc from "fast-check";
import { decodeRawUrlBase64 } from "../../src/livekit/goBase64";
import { goQuote, goQuoteList } from "../../src/livekit/goQuote";
import { goUnquotes } from "../../src/livekit/goUnquote";
import { normalizeNumber, sameNumber } from "../../src/livekit/numbers";

describe("normalizeNumber (livekit.NormalizeNumber)", () => {
  it.each([
    ["", ""],
    ["123", "+123"],
    ["+123", "+123"],
    ["user", "user"],
    ["(123) 456 7890", "+1234567890"],
    ["+1 555-0100", "+15550100"],
    ["+1-(555)", "+1555"],
    ["1.555", "1.555"],
    ["+", "+"],
    ["++1", "++1"],
    ["sip:+1555", "sip:+1555"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeNumber(input)).toBe(expected);
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeNumber(normalizeNumber(s)) === normalizeNumber(s)));
  });

  it("compares spellings of the same number", () => {
    expect(sameNumber("15550100", "+1 (555) 0100")).toBe(true);
    expect(sameNumber("user", "user")).toBe(true);
    expect(sameNumber("+15550100", "+15550101")).toBe(false);
  });
});

describe("goQuote (Go %q)", () => {
  it.each([
    ["<new>", '"<new>"'],
    ['say "hi"\\', '"say \\"hi\\"\\\\"'],
    ["tab\tnl\nbell\u0007", '"tab\\tnl\\nbell\\a"'],
    ["\u0001\u007f", '"\\x01\\x7f"'],
    ["Zoë 日本", '"Zoë 日本"'],
    ["nbsp\u00a0", '"nbsp\\u00a0"'],
    ["\u{1F600}", '"\u{1F600}"'],
    ["\u{E0001}", '"\\U000e0001"'],
  ])("%j → %s", (input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });

  it("prints slices with spaces between items", () => {
    expect(goQuoteList(["+1", "+2"])).toBe('["+1" "+2"]');
    expect(goQuoteList([])).toBe("[]");
  });
});

describe("goUnquotes (strconv.Unquote of a double-quoted literal)", () => {
  it.each(['""', '"plain"', '"tab\\t"', '"\\x41\\u00e9\\U0001F600\\101"', '"\\""', '"raw\ttab"'])("accepts %s", (s) => {
    expect(goUnquotes(s)).toBe(true);
  });

  it.each(['"a"b"', '"\\q"', '"\\\'"', '"\\x4"', '"\\uD800"', '"\\400"', '"a\nb"', '"trailing\\"', "no quotes"])("refuses %s", (s) => {
    expect(goUnquotes(s)).toBe(false);
  });
});

describe("decodeRawUrlBase64 (Go base64.RawURLEncoding)", () => {
  it("decodes unpadded URL-safe base64", () => {
    const result = decodeRawUrlBase64(Buffer.from("hello?>").toString("base64url"));
    expect(result.ok && result.bytes.toString()).toBe("hello?>");
  });

  it.each([
    ["abc=", "illegal base64 data at input byte 3"],
    ["ab+c", "illegal base64 data at input byte 2"],
    ["abcde", "illegal base64 data at input byte 4"],
  ])("refuses %s: %s", (input, message) => {
    expect(decodeRawUrlBase64(input)).toEqual({ ok: false, message });
  });
});
