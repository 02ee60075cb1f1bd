import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertPulumiOnPath } from "../pulumiCli/pulumiCli";
import { freePort } from "../support/ports";

const root = join(__dirname, "..", "..");
const script = join(root, "scripts", "up-local.js");


function upLocal(env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe("npm run up:local", () => {
  it("without a Pulumi CLI or Go to build one, says so in one line, with how to install it, and exits 1", () => {
    const tools = mkdtempSync(join(tmpdir(), "no-tools-"));
    try {
      const result = spawnSync(process.execPath, [script], { env: { PATH: "/usr/bin:/bin", LIVEKIT_SIP_TOOLS_DIR: tools }, encoding: "utf8" });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toEqual([
        expect.stringMatching(/^up:local needs the Pulumi CLI: The Pulumi CLI 3\.\d+\.\d+ or later is not on PATH\. Install it \(https:\/\/www\.pulumi\.com\/docs\/install\/\), or install Go/),
      ]);
    } finally {
      rmSync(tools, { recursive: true, force: true });
    }
  });

  it("runs a real `pulumi up` of the dev stack against the emulator, prints the outputs, and a second run changes nothing", async () => {
    assertPulumiOnPath();
    mkdirSync(join(root, ".fixtures"), { recursive: true });
    const local = mkdtempSync(join(root, ".fixtures", "up-local-"));
    const committed = readFileSync(join(root, "Pulumi.dev.yaml"), "utf8");
    const link = join(root, "node_modules", "pulumi-livekit-sip");
    const linkedBefore = existsSync(link);
    const env = { ...process.env, UP_LOCAL_DIR: local, LIVEKIT_EMULATOR_PORT: String(await freePort()), PULUMI_HOME: join(local, "home") };
    try {
      const first = await upLocal(env);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/\+ 5 created/);
      const outputs = JSON.parse(first.stdout.slice(first.stdout.lastIndexOf("\n{\n") + 1));
      expect(outputs).toEqual({
        inboundTrunkIds: { main: expect.stringMatching(/^ST_/) },
        outboundTrunkIds: { dialer: expect.stringMatching(/^ST_/) },
        dispatchRuleIds: { reception: expect.stringMatching(/^SDR_/) },
      });
      // The emulator's state file holds what the stack created, under the IDs it printed.
      const state = readFileSync(join(local, "livekit-emulator.json"), "utf8");
      expect(state).toContain(outputs.dispatchRuleIds.reception);
      expect(state).toContain(outputs.inboundTrunkIds.main);

      const second = await upLocal(env);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/Resources:\n\s+5 unchanged/);
      expect(second.stdout).not.toMatch(/created|updated|deleted/);
      expect(JSON.parse(second.stdout.slice(second.stdout.lastIndexOf("\n{\n") + 1))).toEqual(outputs);
      // The local stack's passphrase salt and secrets stay out of the committed stack config.
      expect(readFileSync(join(root, "Pulumi.dev.yaml"), "utf8")).toBe(committed);
      expect(readFileSync(join(local, "Pulumi.dev.yaml"), "utf8")).toMatch(/encryptionsalt:[\s\S]*devTrunkPassword:\s+secure:/);
    } finally {
      rmSync(local, { recursive: true, force: true });
      if (!linkedBefore) rmSync(link, { force: true });
    }
  }, 120_000);
});
