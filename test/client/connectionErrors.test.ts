import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { LiveKitApiError, LiveKitTransportError } from "../../src/client/errors";
import { defaultRetryPolicy, type RetryPolicy } from "../../src/client/retry";
import { RetryingSipApi } from "../../src/client/retryingSipApi";
import { TwirpSipApi } from "../../src/client/twirpSipApi";
import { runCli } from "../tools/export/support/runCli";

/**
 * When LiveKit cannot be reached, the error names the URL and the cause; what will fail the same
 * way again (nothing listening, a URL that is not one, a server that is not LiveKit) is not retried.
 */

const credentials = { apiKey: "key", apiSecret: "secret-secret-secret-secret-secret" };
const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((done) => s.close(done)))));

/** An HTTP server answering every request with `answer`; its URL. */
async function serve(answer: (respond: (status: number, body: string, headers?: Record<string, string>) => void) => void): Promise<string> {
  const server = createServer((_, res) => answer((status, body, headers = {}) => res.writeHead(status, headers).end(body)));
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port nothing listens on: a server's, closed again. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return `http://127.0.0.1:${port}`;
}

/** The API with retries, counting them; fast backoff. */
function api(url: string, requestTimeoutMs?: number) {
  const retries: string[] = [];
  const policy: RetryPolicy = { ...defaultRetryPolicy, maxRetries: 3, baseDelayMs: 1, maxDelayMs: 2, log: (line) => retries.push(line) };
  return { client: new RetryingSipApi(new TwirpSipApi({ url, ...credentials, requestTimeoutMs }), policy), retries };
}

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error) => error);

it("names the URL and 'connection refused' when nothing listens, without retrying", async () => {
  const url = await closedPort();
  const { client, retries } = api(url);
  const error = await failure(client.call("ListSIPInboundTrunk", {}));
  expect(error).toBeInstanceOf(LiveKitTransportError);
  expect(error?.message).toBe(`no answer from LiveKit at ${url} for ListSIPInboundTrunk: connection refused: nothing listens at that address and port`);
  expect(retries).toEqual([]);
});

it.each([
  ["not a URL", "localhost 7880", /^LiveKit URL "localhost 7880" is not a URL; write it as wss:\/\/<project>\.livekit\.cloud or http:\/\/host:7880/],
  ["another scheme", "ftp://livekit.example.com", /^LiveKit URL "ftp:\/\/livekit\.example\.com" uses ftp; LiveKit is reached over wss:\/\/, https:\/\/, ws:\/\/ or http:\/\//],
])("refuses %s before any request", (_, url, message) => {
  expect(() => new TwirpSipApi({ url, ...credentials })).toThrow(message);
});

it("says when the server at the URL is not LiveKit, without retrying", async () => {
  const notFound = await serve((respond) => respond(404, "<html><body>Not Found</body></html>", { "content-type": "text/html" }));
  const html = await serve((respond) => respond(200, "<!doctype html><title>Welcome to nginx!</title>", { "content-type": "text/html" }));
  for (const url of [notFound, html]) {
    const { client, retries } = api(url);
    const error = await failure(client.call("ListSIPInboundTrunk", {}));
    expect(error).toBeInstanceOf(LiveKitApiError);
    expect(error?.message).toMatch(new RegExp(`^the server at ${url.replace(/[.]/g, "\\.")} is not LiveKit: it answered ListSIPInboundTrunk with HTTP (404|200) ".*"; check livekit:url`));
    expect(retries).toEqual([]);
  }
});

it("retries a timeout, saying which setting bounds it", async () => {
  const silent = await serve(() => undefined);
  const { client, retries } = api(silent, 100);
  const error = await failure(client.call("ListSIPInboundTrunk", {}));
  expect(error?.message).toBe(`no answer from LiveKit at ${silent} for ListSIPInboundTrunk: no answer within the request timeout (LIVEKIT_REQUEST_TIMEOUT / livekit:requestTimeout)`);
  expect(retries).toHaveLength(3);
});

it("export and drift take LIVEKIT_MAX_RETRIES and LIVEKIT_REQUEST_TIMEOUT as the provider does", async () => {
  let requests = 0;
  const busy = await serve((respond) => {
    requests++;
    respond(503, JSON.stringify({ code: "unavailable", msg: "busy" }), { "content-type": "application/json" });
  });
  const env = { LIVEKIT_URL: busy, LIVEKIT_API_KEY: credentials.apiKey, LIVEKIT_API_SECRET: credentials.apiSecret, LIVEKIT_MAX_RETRIES: "1" };
  const exported = await runCli(["export"], { env });
  expect(exported.code).toBe(1);
  expect(exported.stderr.match(/retry \d+\/1 /g)).toEqual(["retry 1/1 "]);
  expect(requests).toBe(2);

  const silent = await serve(() => undefined);
  const started = Date.now();
  const drift = await runCli(["drift", "Pulumi.prod.yaml"], { env: { ...env, LIVEKIT_URL: silent, LIVEKIT_MAX_RETRIES: "0", LIVEKIT_REQUEST_TIMEOUT: "0.2" }, cwd: `${__dirname}/../..` });
  expect(drift.code).toBe(1);
  expect(drift.stderr).toContain(`no answer from LiveKit at ${silent} for `);
  expect(drift.stderr).toContain("no answer within the request timeout");
  expect(Date.now() - started).toBeLessThan(8_000);
});
