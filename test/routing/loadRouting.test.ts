import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { refFor } from "../../src/tools/offline/resourceRefs";
import { loadRoutingConfig, loadRoutingConfigAt, routingConfigOf } from "../../src/routing";
import { gitRepo } from "./support/gitRepo";

const root = join(__dirname, "..", "..");

describe("what a stack declares, as the routing engine reads it", () => {
  it("gives LiveKit's JSON with placeholder IDs, adopted IDs where given, and rules naming trunks by those IDs", () => {
    const config = routingConfigOf([
      { type: "InboundTrunk", name: "carrier", args: { numbers: ["+14155550100"], media: { encryption: "require" } } },
      { type: "InboundTrunk", name: "legacy", adoptId: "ST_legacy", args: { numbers: ["+14155550101"] } },
      { type: "OutboundTrunk", name: "dialer", args: { address: "sip.example.com", numbers: ["+14155550100"] } },
      {
        type: "DispatchRule",
        name: "reception",
        args: {
          rule: { type: "individual", roomPrefix: "call" },
          trunkIds: [refFor("InboundTrunk", "carrier"), refFor("InboundTrunk", "legacy"), "ST_elsewhere"],
        },
      },
    ]);
    expect(config).toEqual({
      trunks: [
        { sipTrunkId: "trunk:carrier", numbers: ["+14155550100"], media: { encryption: "SIP_MEDIA_ENCRYPT_REQUIRE" } },
        { sipTrunkId: "ST_legacy", numbers: ["+14155550101"] },
      ],
      rules: [
        {
          sipDispatchRuleId: "rule:reception",
          rule: { dispatchRuleIndividual: { roomPrefix: "call" } },
          trunkIds: ["trunk:carrier", "ST_legacy", "ST_elsewhere"],
        },
      ],
      // Outbound trunks route no inbound call; they are there for the diff.
      outboundTrunks: [{ sipTrunkId: "outbound:dialer", address: "sip.example.com", numbers: ["+14155550100"] }],
    });
  });

  it("refuses arguments preview would reject, listing every problem", () => {
    const invalid = { type: "DispatchRule" as const, name: "lobby", args: { rule: { type: "direct" }, numbres: ["+14155550100"] } };
    expect(() => routingConfigOf([invalid])).toThrow(/^the resources would fail pulumi preview \(2 problems\):\nDispatchRule "lobby": .*\nDispatchRule "lobby": /);
  });
});

describe("programs evaluated offline", () => {
  // Inside the repository, so that programs find @pulumi/pulumi as the examples do.
  mkdirSync(join(root, ".fixtures"), { recursive: true });
  const scratch = mkdtempSync(join(root, ".fixtures", "review-program-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** A project of its own per test: jest's module registry runs a program file only once. */
  function project(name: string): string {
    const dir = join(scratch, name);
    mkdirSync(dir);
    writeFileSync(join(dir, "Pulumi.yaml"), "name: secretive\nruntime: nodejs\n");
    writeFileSync(join(dir, "Pulumi.dev.yaml"), "config:\n  secretive:number: '+14155550100'\n");
    const program = [
      'import * as pulumi from "@pulumi/pulumi";',
      'import { InboundTrunk } from "pulumi-livekit-sip";',
      "const config = new pulumi.Config();",
      'new InboundTrunk("carrier", { numbers: [config.require("number")], authUsername: "carrier", authPassword: config.requireSecret("password") });',
    ];
    writeFileSync(join(dir, "index.ts"), program.join("\n"));
    return dir;
  }

  it("stand in for secrets the stack config lacks, so auth still shows as set", async () => {
    const config = await loadRoutingConfig({ path: project("with-stack"), stack: "dev" });
    expect(config.trunks).toEqual([{ sipTrunkId: "trunk:carrier", numbers: ["+14155550100"], authUsername: "carrier", authPassword: "[secret]" }]);
  });

  it("still fail on a missing plain value, saying how to give the program its config", async () => {
    await expect(loadRoutingConfig({ path: project("without-stack") })).rejects.toThrow(
      /Missing required configuration variable 'secretive:number'[\s\S]*No stack config was read: pass --stack <name> or --config-file <file>\./,
    );
  });
});

describe("a source at a git revision", () => {
  const repo = mkdtempSync(join(tmpdir(), "review-git-"));
  const spec = (agentName: string) => `dispatchRules:\n  lobby:\n    rule: {type: direct, roomName: lobby}\n    roomConfig: {agents: [{agentName: ${agentName}}]}\n`;

  beforeAll(() => {
    const git = gitRepo(repo);
    mkdirSync(join(repo, "stacks"));
    writeFileSync(join(repo, "stacks", "spec.yaml"), spec("first"));
    git("add", ".");
    git("commit", "-qm", "first");
    writeFileSync(join(repo, "stacks", "spec.yaml"), spec("second"));
    git("commit", "-qam", "second");
    writeFileSync(join(repo, "stacks", "spec.yaml"), spec("uncommitted"));
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  const agentAt = async (ref: string, path: string, cwd: string) => (await loadRoutingConfigAt({ path }, ref, cwd)).rules[0].roomConfig?.agents?.[0].agentName;

  it("reads the file as committed, whatever the working tree holds, for paths relative to the directory or absolute", async () => {
    expect(await agentAt("HEAD~1", "stacks/spec.yaml", repo)).toBe("first");
    expect(await agentAt("HEAD", "spec.yaml", join(repo, "stacks"))).toBe("second");
    expect(await agentAt("HEAD", join(repo, "stacks", "spec.yaml"), repo)).toBe("second");
    expect((await loadRoutingConfig({ path: join(repo, "stacks", "spec.yaml") })).rules[0].roomConfig?.agents?.[0].agentName).toBe("uncommitted");
  });

  it("explains an unknown revision, a path outside the repository, and a file the revision lacks", async () => {
    await expect(agentAt("no-such-branch", "stacks/spec.yaml", repo)).rejects.toThrow(`"no-such-branch" is not a git revision of`);
    await expect(agentAt("HEAD", join(root, "Pulumi.prod.yaml"), repo)).rejects.toThrow("is outside the git repository");
    await expect(agentAt("HEAD", "stacks/other.yaml", repo)).rejects.toThrow("stacks/other.yaml does not exist in HEAD");
  });
});
