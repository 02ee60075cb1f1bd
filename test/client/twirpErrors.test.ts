import { LiveKitApiError } from "../../src/client/errors";
import { TwirpSipApi } from "../../src/client/twirpSipApi";
import { startEmulator, type RunningEmulator } from "../../src/emulator";

/** LiveKit's 401 text echoes the whole bearer token; it must not reach our errors (and so Pulumi's logs). */

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());

it("keeps LiveKit's reason for a refused token but not the token", async () => {
  const api = new TwirpSipApi({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: "not-the-secret" });
  const error = await api.call("ListSIPInboundTrunk", {}).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LiveKitApiError);
  expect((error as LiveKitApiError).detail).toBe("invalid token: <token>, error: token signature is invalid: signature is invalid");
  expect(JSON.stringify(error) + String(error)).not.toMatch(/eyJ/);
});
