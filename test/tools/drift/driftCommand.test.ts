import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { preparePackedProject } from "../../harness/fixtureProject";
import { livekitEnv, runCli } from "../export/support/runCli";
import { useVariedProject } from "../export/support/variedProject";

const emulator = useVariedProject();
let specFile: string;
let programDir: string;

const drift = (source: string, ...flags: string[]) => runCli(["drift", source, ...flags], { env: livekitEnv(emulator()) });

/** A Pulumi project holding the exported program, its secrets set as `pulumi config set --secret` leaves them (encrypted). */
async function exportProgramProject(): Promise<string> {
  const dir = join((await preparePackedProject()).dir, "drift-command");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "Pulumi.yaml"), "name: exported\nruntime: nodejs\n");
  const exported = await runCli(["export", "-o", join(dir, "index.ts"), "--force"], { env: livekitEnv(emulator()) });
  const keys = [...exported.stderr.matchAll(/pulumi config set --secret (\w+) <value>/g)].map((m) => m[1]);
  writeFileSync(join(dir, "Pulumi.dev.yaml"), `config:\n${keys.map((k) => `  exported:${k}:\n    secure: v1:ciphertext\n`).join("")}`);
  return dir;
}

/** What people do in the dashboard: edit fields, delete a rule, add a trunk by hand. */
async function driftLiveProject() {
  const trunk = emulator().store.list("inboundTrunk").find((t) => t.name === "Twilio inbound")!;
  await emulator().store.put("inboundTrunk", { ...trunk, numbers: ["+14155550100"], krisp_enabled: false });
  const lobby = emulator().store.list("dispatchRule").find((r) => r.name === "Lobby")!;
  await emulator().store.delete("dispatchRule", String(lobby.sip_dispatch_rule_id));
  await emulator().store.put("outboundTrunk", { sip_trunk_id: "ST_byhand", name: "By hand", address: "sip.example.org", numbers: ["+14155550123"] });
  return { lobbyId: String(lobby.sip_dispatch_rule_id) };
}

beforeAll(async () => {
  specFile = join(mkdtempSync(join(tmpdir(), "drift-command-")), "Pulumi.dev.yaml");
  await runCli(["export", "-o", specFile], { env: livekitEnv(emulator()) });
  programDir = await exportProgramProject();
});

describe("livekit-sip drift", () => {
  it("finds no drift right after an export, from the spec file and from the TypeScript program", async () => {
    const [spec, program] = await Promise.all([drift(specFile, "--exit-code"), drift(programDir, "--stack", "dev", "--exit-code")]);
    for (const run of [spec, program]) {
      expect(run.code).toBe(0);
      expect(run.stdout).toBe("No drift: LiveKit matches the stack.\n10 in sync, 0 changed, 0 missing in LiveKit, 0 not managed. Secret values are compared only as set or not set.\n");
    }
    // The export keeps the ID of a trunk deleted from LiveKit in one rule; the program's own checks say so.
    const unmanaged = /warning: \[runtime\] DispatchRule "telephony-annex": trunk ST_\w+ is not managed by this program; conflicts with it are checked against LiveKit when applying\n/;
    expect(spec.stderr.replace(unmanaged, "")).toBe(
      `evaluating ${specFile} (0/4)\n10 resources declared (1/4)\nread 4 inbound trunks (2/4)\nread 2 outbound trunks (3/4)\nread 4 dispatch rules (4/4)\n`,
    );
    expect(spec.stderr).toMatch(unmanaged);
  });

  it("lists changed fields, deleted and unmanaged resources, and exits with 2 when asked to", async () => {
    const { lobbyId } = await driftLiveProject();
    const [spec, program, json, managedOnly] = await Promise.all([
      drift(specFile, "--exit-code"),
      drift(programDir, "--stack", "dev", "--exit-code"),
      drift(specFile, "--format", "json"),
      drift(specFile, "--ignore-unmanaged"),
    ]);
    expect(spec.code).toBe(2);
    expect(spec.stdout).toContain("~ telephony-twilioInbound (inbound trunk ST_");
    const expectedLines = [
      '    numbers: stack ["+14155550100","+14155550101"], LiveKit ["+14155550100"]',
      "    krispEnabled: stack true, LiveKit false",
      `(dispatch rule ${lobbyId}): not in LiveKit (deleted?)`,
      '+ ST_byhand (outbound trunk "By hand"): in LiveKit, not managed by this stack',
      "8 in sync, 1 changed, 1 missing in LiveKit, 1 not managed.",
    ];
    for (const line of expectedLines) {
      expect(spec.stdout).toContain(line);
      expect(program.stdout).toContain(line);
    }
    expect(program.code).toBe(2);
    expect(program.stdout).toContain("~ twilioInbound (inbound trunk ST_");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ missing: [{ type: "DispatchRule", id: lobbyId }], unmanaged: [{ id: "ST_byhand" }] });
    expect(managedOnly.stdout).not.toContain("ST_byhand");
  });

  it("explains a source it cannot read", async () => {
    const missingStack = await drift(programDir, "--stack", "prod");
    expect(missingStack).toMatchObject({ code: 1, stderr: expect.stringMatching(/Pulumi\.prod\.yaml does not exist\n$/) });
  });
});
