import { bearerToken, verifyAccessToken } from "../../src/livekit/accessToken";
import { signJwt } from "../emulator/support/tokens";

/** Token checks at exact instants, with LiveKit's (golang-jwt's) texts. */

const secretFor = (key: string) => (key === "devkey" ? "secret" : undefined);
const NOW = 1_800_000_000;

describe("verifyAccessToken", () => {
  it("returns the SIP and video grants of a valid token", () => {
    const raw = signJwt({ iss: "devkey", exp: NOW + 1, sip: { admin: true, call: false }, video: { roomAdmin: true, room: "r" } }, "secret");
    expect(verifyAccessToken(raw, secretFor, NOW)).toEqual({
      ok: true,
      grants: { apiKey: "devkey", sip: { admin: true, call: false }, video: { roomAdmin: true, room: "r" } },
    });
  });

  it.each([
    [NOW - 59, true],
    [NOW - 60, false],
    // NumericDate keeps whole seconds, so this is NOW - 60 too.
    [NOW - 59.5, false],
  ])("with exp %d accepts the token: %s (60 s leeway, exp < now + 60 s)", (exp, accepted) => {
    expect(verifyAccessToken(signJwt({ iss: "devkey", exp }, "secret"), secretFor, NOW).ok).toBe(accepted);
  });

  it.each([
    [NOW + 60, true],
    [NOW + 61, false],
  ])("with nbf %d accepts the token: %s", (nbf, accepted) => {
    expect(verifyAccessToken(signJwt({ iss: "devkey", exp: NOW + 600, nbf }, "secret"), secretFor, NOW).ok).toBe(accepted);
  });

  it("joins several claim problems with newlines, as errors.Join does", () => {
    const raw = signJwt({ iss: "devkey", exp: NOW - 3600, nbf: NOW + 3600 }, "secret");
    expect(verifyAccessToken(raw, secretFor, NOW)).toEqual({
      ok: false,
      message: `invalid token: ${raw}, error: token has invalid claims: token is expired\ntoken is not valid yet`,
    });
  });

  it("accepts numeric strings for dates, as Go's json.Number does", () => {
    expect(verifyAccessToken(signJwt({ iss: "devkey", exp: String(NOW + 10) }, "secret"), secretFor, NOW).ok).toBe(true);
  });

  it("checks the algorithm only after the API key", () => {
    const none = signJwt({ iss: "nobody", exp: NOW + 10 }, "secret", { alg: "none" });
    expect(verifyAccessToken(none, secretFor, NOW)).toEqual({ ok: false, message: "invalid API key: nobody" });
  });
});

describe("bearerToken", () => {
  it("prefers the Authorization header and falls back to access_token", () => {
    expect(bearerToken("Bearer abc", "zzz")).toEqual({ ok: true, token: "abc" });
    expect(bearerToken(undefined, "zzz")).toEqual({ ok: true, token: "zzz" });
    expect(bearerToken("", null)).toEqual({ ok: true, token: "" });
    expect(bearerToken("Token abc", "zzz").ok).toBe(false);
  });
});
