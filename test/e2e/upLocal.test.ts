import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const script = join(root, "scripts", "up-local.js");

describe("npm run up:local", () => {
  it("without the Pulumi CLI says so in one line, with how to install it, and exits non-zero", () => {
    const result = spawnSync(process.execPath, [script], { env: { PATH: "/usr/bin:/bin" }, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/needs the Pulumi CLI, which is not installed: install it \(https:\/\/www\.pulumi\.com\/docs\/install\/\)/)]);
  });

  it("with a CLI, runs the dev stack against a running emulator with local state and passphrase", () => {
    // A stand-in `pulumi` that records each call and checks the emulator answers during `up`.
    const bin = mkdtempSync(join(tmpdir(), "fake-pulumi-"));
    const log = join(bin, "calls.jsonl");
    writeFileSync(
      join(bin, "pulumi"),
      `#!${process.execPath}
const fs = require("fs");
const args = process.argv.slice(2);
let emulator = null;
const done = () => { fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ args, emulator, backend: process.env.PULUMI_BACKEND_URL, passphrase: !!process.env.PULUMI_CONFIG_PASSPHRASE }) + "\\n"); };
if (args[0] === "up") {
  fetch("http://127.0.0.1:7899/twirp/livekit.SIP/ListSIPInboundTrunk", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })
    .then((r) => { emulator = r.status; done(); });
} else done();
`,
    );
    chmodSync(join(bin, "pulumi"), 0o755);
    // up:local links the package into node_modules as a user's project has it; undo that here.
    const link = join(root, "node_modules", "pulumi-livekit-sip");
    const linkedBefore = existsSync(link);
    try {
      const result = spawnSync(process.execPath, [script], {
        env: { PATH: `${bin}:/usr/bin:/bin`, LIVEKIT_EMULATOR_PORT: "7899" },
        encoding: "utf8",
        cwd: root,
      });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("LiveKit SIP emulator: http://127.0.0.1:7899");
      const calls = readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l));
      const commands = calls.map((c) => c.args.slice(0, c.args[0] === "config" ? 4 : 1).join(" "));
      expect(commands).toEqual(["version", "stack", "config set --secret livekit:apiSecret", "config set --secret devTrunkPassword", "up", "stack"]);
      const up = calls.find((c) => c.args[0] === "up");
      expect(up).toMatchObject({ emulator: 401, passphrase: true, backend: `file://${join(root, ".pulumi-local", "state")}` });
      expect(up.args).toEqual(expect.arrayContaining(["--stack", "dev", "--config-file", join(root, ".pulumi-local", "Pulumi.dev.yaml")]));
    } finally {
      rmSync(bin, { recursive: true, force: true });
      if (!linkedBefore) rmSync(link, { force: true });
    }
  });
});
