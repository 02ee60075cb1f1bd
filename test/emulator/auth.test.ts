import { AccessToken } from "livekit-server-sdk";
import { useEmulator } from "./support/emulator";
import { inbound } from "./support/fixtures";
import { post, rpc } from "./support/rpc";
import { nowSeconds, signJwt, token } from "./support/tokens";

/** Authentication and grants (research §1.3): plain-text 401s from the middleware, Twirp 401s from handlers. */

const LIST = "/twirp/livekit.SIP/ListSIPInboundTrunk";
const INVALID_TOKEN = "invalid authorization token";
const PERMISSION_DENIED = { code: "unauthenticated", msg: "permissions denied" };

describe("authentication", () => {
  const emulator = useEmulator();
  const url = () => emulator().url;

  const withAuthorization = (authorization: string) => post(url(), LIST, { token: null, headers: { Authorization: authorization } });

  describe("middleware failures are plain-text 401s", () => {
    /** LiveKit echoes the token of a verification failure: `invalid token: <token>, error: <golang-jwt message>`. */
    const invalid = (jwtMessage: string) => (authorization: string) => `invalid token: ${authorization.slice("Bearer ".length)}, error: ${jwtMessage}`;
    it.each<[string, () => string, string | ((authorization: string) => string)]>([
      ["a header without Bearer", () => "Basic abc", "invalid authorization header. Must start with Bearer "],
      ["a lower-case bearer", () => `bearer ${token()}`, "invalid authorization header. Must start with Bearer "],
      // HTTP trims the trailing space, so an empty token never gets past the prefix check.
      ["an empty bearer token", () => "Bearer ", "invalid authorization header. Must start with Bearer "],
      ["a token that is not a JWT", () => "Bearer abc", INVALID_TOKEN],
      ["a token whose claims are not JSON", () => `Bearer ${Buffer.from('{"alg":"HS256"}').toString("base64url")}.bm90anNvbg.sig`, INVALID_TOKEN],
      ["an unknown signing method", () => `Bearer ${signJwt({ iss: "devkey", exp: nowSeconds() + 60 }, "secret", { alg: "XX1" })}`, INVALID_TOKEN],
      ["an exp that is not a number", () => `Bearer ${token({ exp: "soon" as unknown as number })}`, INVALID_TOKEN],
      // golang-jwt decodes the signature while parsing, before the key is looked up.
      ["a mangled signature", () => `Bearer ${token()}!`, INVALID_TOKEN],
      ["an unknown API key", () => `Bearer ${token({ iss: "otherkey" })}`, "invalid API key: otherkey"],
      ["no issuer", () => `Bearer ${token({ iss: "" })}`, "invalid API key: "],
      ["a wrong secret", () => `Bearer ${token({}, "not-the-secret")}`, invalid("token signature is invalid: signature is invalid")],
      [
        "another HMAC algorithm",
        () => `Bearer ${signJwt({ iss: "devkey", exp: nowSeconds() + 60 }, "secret", { alg: "HS512" })}`,
        invalid("token signature is invalid: signing method HS512 is invalid"),
      ],
      ["an expired token", () => `Bearer ${token({ exp: nowSeconds() - 120 })}`, invalid("token has invalid claims: token is expired")],
      ["a token not valid yet", () => `Bearer ${token({ nbf: nowSeconds() + 120 })}`, invalid("token has invalid claims: token is not valid yet")],
      [
        "a mistyped grant",
        () => `Bearer ${token({ sip: { admin: "yes" } })}`,
        invalid("token is malformed: could not JSON decode claim: json: cannot unmarshal string into Go struct field SIPGrant.ClaimGrants.sip.admin of type bool"),
      ],
      [
        "a grant that is not an object",
        () => `Bearer ${token({ sip: true })}`,
        invalid("token is malformed: could not JSON decode claim: json: cannot unmarshal bool into Go struct field tokenClaims.ClaimGrants.sip of type auth.SIPGrant"),
      ],
    ])("%s", async (_name, makeAuthorization, message) => {
      const authorization = makeAuthorization();
      const res = await withAuthorization(authorization);
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(res.text).toBe(typeof message === "string" ? message : message(authorization));
    });

    it("accepts a token without exp (LiveKit v1.13.5 does not require one)", async () => {
      const res = await withAuthorization(`Bearer ${signJwt({ iss: "devkey", sip: { admin: true } }, "secret")}`);
      expect([res.status, res.text]).toEqual([200, '{"items":[]}']);
    });

    it("runs before routing", async () => {
      const res = await post(url(), "/twirp/livekit.SIP/Nope", { httpMethod: "GET", token: "junk" });
      expect([res.status, res.text]).toEqual([401, INVALID_TOKEN]);
    });
  });

  it.each([
    ["exp", { exp: nowSeconds() - 30 }],
    ["nbf", { nbf: nowSeconds() + 30 }],
  ])("allows 60 s of leeway on %s", async (_claim, claims) => {
    expect((await post(url(), LIST, { token: token(claims) })).status).toBe(200);
  });

  describe("grants are checked by each handler, as Twirp unauthenticated errors", () => {
    it.each([
      ["no token at all", null],
      ["a video-only token", token({ sip: undefined, video: { roomAdmin: true, room: "r" } })],
      ["sip.call without sip.admin", token({ sip: { call: true } })],
      ["sip: null", token({ sip: null })],
    ])("%s", async (_name, tok) => {
      const res = await post(url(), LIST, { token: tok });
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(JSON.parse(res.text)).toEqual(PERMISSION_DENIED);
    });

    it("before validating the request", async () => {
      const res = await rpc(url(), "CreateSIPInboundTrunk", inbound({ sipTrunkId: "ST_x" }), "json-camel", { token: null });
      expect(res.error).toEqual(PERMISSION_DENIED);
    });
  });

  it("accepts the token of the JS SDK (which adds an empty video grant) and of lk (sip grant only)", async () => {
    const at = new AccessToken("devkey", "secret", { ttl: "10m" });
    at.addSIPGrant({ admin: true });
    expect((await post(url(), LIST, { token: await at.toJwt() })).status).toBe(200);
    expect((await post(url(), LIST, { token: signJwt({ iss: "devkey", exp: nowSeconds() + 60, sip: { admin: true } }, "secret") })).status).toBe(200);
  });

  it("reads grant names case-insensitively, as Go's encoding/json does", async () => {
    expect((await post(url(), LIST, { token: token({ sip: undefined, SIP: { Admin: true } }) })).status).toBe(200);
  });

  it("takes the token from access_token when there is no Authorization header", async () => {
    const res = await post(url(), `${LIST}?access_token=${token()}`, { token: null });
    expect(res.status).toBe(200);
  });
});
