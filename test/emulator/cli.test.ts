import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Option } from "commander";
import { ListSIPInboundTrunkRequest } from "@livekit/protocol";
import { emulatorCommand, emulatorOptions } from "../../src/cli/commands/emulator";
import { killLeftovers, requireBuiltCli, runCli, startCli, useTempDir } from "./support/cli";
import { inbound } from "./support/fixtures";
import { post, rpc } from "./support/rpc";
import { token } from "./support/tokens";

/** `livekit-sip emulator`: the compiled CLI as users run it. */

describe("livekit-sip emulator (options)", () => {
  const defaultOf = (long: string) => emulatorCommand().options.find((o: Option) => o.long === long)?.defaultValue as unknown;

  it("defaults to livekit-server --dev's address and credentials", () => {
    expect([defaultOf("--host"), defaultOf("--port"), defaultOf("--api-key"), defaultOf("--api-secret")]).toEqual(["127.0.0.1", 7880, "devkey", "secret"]);
  });

  it("answers like the open-source server unless --mode cloud says otherwise", () => {
    expect(defaultOf("--mode")).toBe("oss");
    expect(emulatorOptions({ host: "h", port: 1, apiKey: "k", apiSecret: "s", mode: "cloud" }).mode).toBe("cloud");
  });

  it("maps fault flags to emulator options", () => {
    const options = emulatorOptions({
      host: "127.0.0.1",
      port: 0,
      apiKey: "k",
      apiSecret: "s",
      faultRate: 0.2,
      faultSeed: 9,
      faultKinds: ["drop", "rate_limited"],
      faultMethods: ["mutating"],
      faultTiming: "after",
      latency: { minMs: 1, maxMs: 5 },
      quiet: true,
    });
    expect(options).toMatchObject({
      apiKey: "k",
      latency: { minMs: 1, maxMs: 5 },
      faults: { rate: 0.2, seed: 9, kinds: ["drop", "rate_limited"], methods: "mutating", timing: "after" },
      log: undefined,
    });
    expect(emulatorOptions({ host: "h", port: 1, apiKey: "k", apiSecret: "s", faultRate: 1, faultMethods: ["ListSIPTrunk", "GetSIPInboundTrunk"] }).faults?.methods).toEqual([
      "ListSIPTrunk",
      "GetSIPInboundTrunk",
    ]);
    expect(emulatorOptions({ host: "h", port: 1, apiKey: "k", apiSecret: "s" }).faults).toBeUndefined();
  });
});

describe("livekit-sip emulator (process)", () => {
  const tempDir = useTempDir();
  beforeAll(requireBuiltCli);
  afterEach(killLeftovers);

  it("prints its URL, logs each request without secrets, and exits 0 on SIGINT", async () => {
    const cli = await startCli(["emulator", "--port", "0", "--api-key", "mykey", "--api-secret", "my-very-secret"]);
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const jwt = token({ iss: "mykey" }, "my-very-secret");
    await post(cli.url, "/twirp/livekit.SIP/ListSIPInboundTrunk", { token: jwt });
    await post(cli.url, `/twirp/livekit.SIP/CreateSIPInboundTrunk?access_token=${jwt}`, { token: null, body: "{}" });
    await post(cli.url, "/twirp/livekit.SIP/ListSIPInboundTrunk", { token: token() });
    cli.child.kill("SIGINT");
    expect(await cli.exited).toEqual({ code: 0, signal: null });

    expect(cli.stdout()).toBe(`${cli.url}\n`);
    const requestLines = cli.stderr().split("\n").filter((l) => l.includes(" POST "));
    expect(requestLines).toEqual([
      expect.stringMatching(/ POST ListSIPInboundTrunk 200 \d+\.\dms$/),
      expect.stringMatching(/ POST CreateSIPInboundTrunk 400 \d+\.\dms$/),
      expect.stringMatching(/ POST ListSIPInboundTrunk 401 \d+\.\dms$/),
    ]);
    for (const secret of [jwt, jwt.split(".")[2], "my-very-secret"]) expect(cli.stderr()).not.toContain(secret);
  });

  it("exits 0 on SIGTERM, and applies fault and latency flags", async () => {
    const cli = await startCli(["emulator", "--port", "0", "--quiet", "--fault-rate", "1", "--fault-kinds", "rate_limited", "--fault-methods", "mutating", "--latency", "30"]);
    const started = performance.now();
    expect((await rpc(cli.url, "ListSIPInboundTrunk", new ListSIPInboundTrunkRequest())).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
    expect((await rpc(cli.url, "CreateSIPInboundTrunk", inbound())).status).toBe(429);
    expect(cli.stderr()).not.toMatch(/POST/);
    cli.child.kill("SIGTERM");
    expect((await cli.exited).code).toBe(0);
  });

  it("exits 1 with the reason when it cannot start", async () => {
    const statePath = join(tempDir(), "broken.json");
    writeFileSync(statePath, "not json");
    const cli = runCli(["emulator", "--port", "0", "--state", statePath]);
    expect((await cli.exited).code).toBe(1);
    expect(cli.stderr()).toContain(`cannot load state file ${statePath}`);
    expect(cli.stdout()).toBe("");
  });

  it("refuses invalid flags", async () => {
    const cli = runCli(["emulator", "--fault-rate", "2"]);
    expect((await cli.exited).code).not.toBe(0);
    expect(cli.stderr()).toContain("Not a fraction between 0 and 1.");
  });
});
