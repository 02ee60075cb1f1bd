import { CreateSIPInboundTrunkRequest, ListSIPInboundTrunkResponse, SIPInboundTrunkInfo } from "@livekit/protocol";
import { itEmulatorOnly, useEmulator } from "./support/emulator";
import { inbound, rule } from "./support/fixtures";
import { post, rpc } from "./support/rpc";

/** HTTP and Twirp details: routing errors, content types, body decoding and response shapes (research §1.2, §1.4). */

const badRoute = (msg: string, route: string) => ({ code: "bad_route", msg, meta: { twirp_invalid_route: route } });
const MALFORMED_JSON = { code: "malformed", msg: "the json request could not be decoded" };
const LIST = "/twirp/livekit.SIP/ListSIPInboundTrunk";
const CREATE = "/twirp/livekit.SIP/CreateSIPInboundTrunk";

describe("wire protocol", () => {
  const emulator = useEmulator();
  const url = () => emulator().url;
  const errorOf = (res: { text: string }) => JSON.parse(res.text) as unknown;

  describe("routing errors are Twirp bad_route (404) with the route in meta", () => {
    it.each([
      ["GET", LIST, 'unsupported method "GET" (only POST is allowed)'],
      ["PUT", LIST, 'unsupported method "PUT" (only POST is allowed)'],
      ["POST", "/twirp/livekit.SIP/Foo", 'no handler for path "/twirp/livekit.SIP/Foo"'],
      ["POST", "/twirp/livekit.SIP/CreateSIPTrunk", 'no handler for path "/twirp/livekit.SIP/CreateSIPTrunk"'],
      ["POST", "/twirp/livekit.SIP/", 'no handler for path "/twirp/livekit.SIP/"'],
      ["POST", "/twirp/livekit.SIP/x/ListSIPTrunk", 'no handler for path "/twirp/livekit.SIP/x/ListSIPTrunk"'],
      ["POST", "/twirp/livekit.SIP/a/livekit.SIP/ListSIPTrunk", 'invalid path prefix "/twirp/livekit.SIP/a", expected "/twirp", on path "/twirp/livekit.SIP/a/livekit.SIP/ListSIPTrunk"'],
    ])("%s %s", async (httpMethod, path, msg) => {
      const res = await post(url(), path, { httpMethod });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(errorOf(res)).toEqual(badRoute(msg, `${httpMethod} ${path}`));
    });

    it.each([
      ["text/plain", 'unexpected Content-Type: "text/plain"'],
      [null, 'unexpected Content-Type: ""'],
      ["application/x-www-form-urlencoded", 'unexpected Content-Type: "application/x-www-form-urlencoded"'],
    ])("content type %s", async (contentType, msg) => {
      // A byte body, because fetch labels string bodies text/plain itself.
      const res = await post(url(), LIST, { contentType, body: new TextEncoder().encode("{}") });
      expect(res.status).toBe(404);
      expect(errorOf(res)).toEqual(badRoute(msg, `POST ${LIST}`));
    });
  });

  it.each(["application/json; charset=utf-8", "Application/JSON", " application/json ;x=y", "application/protobuf; proto=livekit"])(
    "accepts the content type %s",
    async (contentType) => {
      const body = contentType.toLowerCase().includes("protobuf") ? new Uint8Array() : "{}";
      expect((await post(url(), LIST, { contentType, body })).status).toBe(200);
    },
  );

  it("strips one leading double slash, as LiveKit's RemoveDoubleSlashes does", async () => {
    expect((await post(url(), `/${LIST}`)).status).toBe(200);
  });

  describe("malformed bodies", () => {
    it.each([
      ["empty", ""],
      ["not JSON", "{"],
      ["an array", "[]"],
      ["null", "null"],
      ["a string field given a number", '{"trunk": {"name": 5}}'],
      ["a list field given a string", '{"trunk": {"numbers": "+1"}}'],
      ["a bool given a string", '{"trunk": {"krisp_enabled": "true"}}'],
      ["a bad duration", '{"trunk": {"ringing_timeout": "30"}}'],
      ["the same field under both names", '{"trunk": {"numbers": ["+1"], "numbers": ["+2"], "allowedNumbers": [], "allowed_numbers": []}}'],
      ["two members of a oneof", '{"sip_trunk_id": "ST_x", "replace": {}, "update": {}}'],
    ])("%s → malformed", async (_name, body) => {
      const path = body.includes("replace") ? "/twirp/livekit.SIP/UpdateSIPInboundTrunk" : CREATE;
      const res = await post(url(), path, { body });
      expect(res.status).toBe(400);
      expect(errorOf(res)).toEqual(MALFORMED_JSON);
    });

    it("refuses undecodable protobuf", async () => {
      const res = await post(url(), CREATE, { contentType: "application/protobuf", body: new Uint8Array([0x0a, 0x05, 0x01]) });
      expect(res.status).toBe(400);
      expect(errorOf(res)).toEqual({ code: "malformed", msg: "the protobuf request could not be decoded" });
    });

    it("decodes before checking grants", async () => {
      const res = await post(url(), CREATE, { body: "nope", token: null });
      expect(errorOf(res)).toEqual(MALFORMED_JSON);
    });
  });

  describe("lenient JSON decoding, like protojson with DiscardUnknown", () => {
    it("ignores unknown fields and unknown enum names, and accepts enum numbers", async () => {
      const body = JSON.stringify({ extra: 1, trunk: { numbers: ["+1"], bogus: true, include_headers: "NOT_A_VALUE", media_encryption: 2 } });
      const res = await post(url(), CREATE, { body });
      expect(res.status).toBe(200);
      const trunk = SIPInboundTrunkInfo.fromJson(JSON.parse(res.text));
      expect(trunk.includeHeaders).toBe(0);
      expect(trunk.mediaEncryption).toBe(2);
    });

    it("treats null as unset, also inside a oneof", async () => {
      const created = await post(url(), CREATE, { body: JSON.stringify({ trunk: { numbers: ["+1"], name: null, ringing_timeout: null } }) });
      expect(created.status).toBe(200);
      const id = (JSON.parse(created.text) as { sip_trunk_id: string }).sip_trunk_id;
      const body = JSON.stringify({ sip_trunk_id: id, replace: null, update: { name: "n" } });
      expect((await post(url(), "/twirp/livekit.SIP/UpdateSIPInboundTrunk", { body })).status).toBe(200);
    });

    it("reads only the first JSON value, as Go's json.Decoder does", async () => {
      const res = await post(url(), CREATE, { body: '{"trunk": {"numbers": ["+1"]}} trailing garbage' });
      expect(res.status).toBe(200);
    });
  });

  describe("JSON answers are protojson with proto names and every field", () => {
    it("writes defaults, null for unset messages, enum names, and omits unset optional fields", async () => {
      const res = await post(url(), CREATE, { body: JSON.stringify(inbound({ numbers: ["+1"] }).toJson()) });
      const trunk = JSON.parse(res.text) as Record<string, unknown>;
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(Object.keys(trunk)).toEqual([
        "sip_trunk_id", "name", "metadata", "numbers", "allowed_addresses", "allowed_numbers", "auth_username", "auth_password",
        "auth_realm", "headers", "headers_to_attributes", "attributes_to_headers", "include_headers", "ringing_timeout",
        "max_call_duration", "krisp_enabled", "media_encryption", "media", "created_at", "updated_at",
      ]);
      expect(trunk).toMatchObject({
        allowed_addresses: [],
        headers: {},
        include_headers: "SIP_NO_HEADERS",
        ringing_timeout: null,
        media: null,
        media_encryption: "SIP_MEDIA_ENCRYPT_DISABLE",
        krisp_enabled: false,
      });
      // The open-source server sets no timestamps (cloud mode does: updates.test.ts).
      expect([trunk["created_at"], trunk["updated_at"]]).toEqual([null, null]);
    });

    it("omits an unset proto3-optional field inside a message and writes the set oneof member", async () => {
      const res = await post(url(), "/twirp/livekit.SIP/CreateSIPDispatchRule", { body: JSON.stringify(rule().toJson()) });
      const body = JSON.parse(res.text) as Record<string, unknown>;
      // A new-form dispatch rule is upgraded on create: media is {} rather than null.
      expect(body["media"]).toEqual({ only_listed_codecs: false, codecs: [] });
      expect(body["rule"]).toEqual({ dispatch_rule_direct: { room_name: "room", pin: "" } });
      expect(body["room_config"]).toBeNull();
    });

    it("answers protobuf with protobuf", async () => {
      const res = await rpc<SIPInboundTrunkInfo>(url(), "CreateSIPInboundTrunk", inbound({ numbers: ["+1"] }), "protobuf");
      expect(res.contentType).toBe("application/protobuf");
      expect(res.message?.numbers).toEqual(["+1"]);
      const list = await rpc<ListSIPInboundTrunkResponse>(url(), "ListSIPInboundTrunk", new CreateSIPInboundTrunkRequest(), "protobuf");
      expect(list.message?.items).toHaveLength(1);
    });
  });

  describe("outside the SIP service", () => {
    it("answers the health check at /, as plain text", async () => {
      const health = await post(url(), "/", { httpMethod: "GET", token: null });
      expect([health.status, health.text]).toEqual([200, "OK"]);
    });

    // A known difference: LiveKit serves its other services there (see docs/emulator.md).
    itEmulatorOnly("answers 404 for LiveKit's other services, as plain text", async () => {
      const other = await post(url(), "/twirp/livekit.RoomService/ListRooms", {});
      expect([other.status, other.text, other.headers.get("content-type")]).toEqual([404, "404 page not found\n", "text/plain; charset=utf-8"]);
    });

    it("decodes a body over 10 MiB like any other: LiveKit v1.13.5 sets no limit", async () => {
      const res = await post(url(), CREATE, { body: "x".repeat(10 * 1024 * 1024 + 1) });
      expect([res.status, JSON.parse(res.text)]).toEqual([400, { code: "malformed", msg: "the json request could not be decoded" }]);
    });
  });

  it("answers CORS preflights for any origin, and tags answers with the origin", async () => {
    const preflight = await fetch(url() + LIST, {
      method: "OPTIONS",
      headers: { Origin: "https://app.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("authorization,content-type");
    const res = await post(url(), LIST, { headers: { Origin: "https://app.example" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("https://app.example");
  });
});
