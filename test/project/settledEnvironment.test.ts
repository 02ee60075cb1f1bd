import { createServer, type Server } from "node:net";

/**
 * The jest environment every test file runs in waits, in teardown, for the servers, sockets and
 * processes the file started to finish closing, and names any that never do: a worker whose last
 * file leaves one open cannot exit and is force-exited.
 */
process.env.TEST_SETTLE_MS = "600";
const SettledEnvironment = require("../support/settledEnvironment");

const config = { globalConfig: {}, projectConfig: { testEnvironmentOptions: {}, globals: {}, setupFiles: [], snapshotSerializers: [] } };
const started = async () => {
  const env = new SettledEnvironment(config, { console, docblockPragmas: {}, testPath: "/repo/test/leaky.test.ts" });
  await env.setup();
  return env;
};
const listening = () => new Promise<Server>((resolve) => { const server = createServer().listen(0, "127.0.0.1", () => resolve(server)); });

let written: string[];
beforeEach(() => {
  written = [];
  jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
});
afterEach(() => jest.restoreAllMocks());

it("waits for a server the file closes to finish closing, and says nothing", async () => {
  const env = await started();
  const server = await listening();
  let closed = false;
  setTimeout(() => server.close(() => (closed = true)), 150);
  await env.teardown();
  expect(closed).toBe(true);
  expect(written).toEqual([]);
});

it("names what a file leaves open once the grace period is over", async () => {
  const env = await started();
  const server = await listening();
  try {
    await env.teardown();
    expect(written.join("")).toMatch(/^\/repo\/test\/leaky\.test\.ts: still running 600 ms after its teardown: TCPServerWrap ×1; a test leaves it open\n$/);
  } finally {
    server.close();
  }
});
