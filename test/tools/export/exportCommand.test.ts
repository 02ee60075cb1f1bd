import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { livekitEnv, runCli } from "./support/runCli";
import { useVariedProject } from "./support/variedProject";

const emulator = useVariedProject();
const scratch = mkdtempSync(join(tmpdir(), "export-command-"));
const storedPasswords = () =>
  [...emulator().store.list("inboundTrunk"), ...emulator().store.list("outboundTrunk")].map((t) => String(t.auth_password)).filter((p) => p !== "");


describe("livekit-sip export", () => {
  it("writes the spec to stdout; progress, review notes and the secret commands go to stderr, no secret anywhere", async () => {
    const { code, stdout, stderr } = await runCli(["export"], { env: livekitEnv(emulator()) });
    expect(code).toBe(0);
    const spec = parse(stdout).config["livekit-telephony:telephony"];
    expect(Object.keys(spec.dispatchRules)).toHaveLength(4);
    expect(stderr).toMatch(/^read 4 inbound trunks \(1\/3\)\nread 2 outbound trunks \(2\/3\)\nread 4 dispatch rules \(3\/3\)\nExported 4 inbound trunks, 2 outbound trunks, 4 dispatch rules\.\n/);
    expect(stderr).toContain("  pulumi config set --secret twilioInboundAuthPassword <value>   # authPassword of inbound trunk \"Twilio inbound\"");
    for (const password of storedPasswords()) expect(stdout + stderr).not.toContain(password);
  });

  it("takes flags over the environment, the format from --out, and will not overwrite a file unless forced", async () => {
    const out = join(scratch, "index.ts");
    const flags = ["--url", emulator().url, "--api-key", emulator().apiKey, "--api-secret", emulator().apiSecret];
    const first = await runCli(["export", "-o", out, ...flags], { env: { LIVEKIT_URL: "http://127.0.0.1:1" } });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toContain('import { InboundTrunk, OutboundTrunk, DispatchRule } from "pulumi-livekit-sip";');
    writeFileSync(out, "keep me");
    const refused = await runCli(["export", "-o", out, ...flags]);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining("index.ts exists; merge the export into it by hand, or pass --force") });
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect((await runCli(["export", "-o", out, "--force", "--format", "yaml", ...flags])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^# Exported by `livekit-sip export`/);
  });

  it("says which connection settings are missing", async () => {
    const { code, stderr } = await runCli(["export", "--url", emulator().url]);
    expect(code).toBe(1);
    expect(stderr).toBe("livekit-sip: which LiveKit project? Missing --api-key (or LIVEKIT_API_KEY), --api-secret (or LIVEKIT_API_SECRET)\n");
  });
});
