import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** The pinned tools (scripts/tools/versions.json) are the ones the tests run on, and package.json agrees. */

const root = join(__dirname, "..", "..");
const versions = require(join(root, "scripts", "tools", "versions.json"));
const pkg = require(join(root, "package.json"));
const toolchain = require(join(root, "scripts", "tools", "toolchain.js"));

describe("the pinned tools", () => {
  it("@pulumi/pulumi is the same version as the Pulumi CLI, and the peer range starts there", () => {
    expect(pkg.devDependencies["@pulumi/pulumi"]).toBe(versions.pulumi.version);
    expect(pkg.peerDependencies["@pulumi/pulumi"]).toBe(`^${versions.pulumi.version}`);
    expect(require("@pulumi/pulumi/package.json").version).toBe(versions.pulumi.version);
  });

  it("the tests run on the Node.js major that @pulumi/pulumi requires, as package.json's engines say", () => {
    const major = Number(versions.node.version.split(".")[0]);
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(major);
    expect(pkg.engines.node).toBe(`>=${major}`);
    expect(require("@pulumi/pulumi/package.json").engines.node).toBe(`>=${major}`);
  });

  it("the CLI, language host and dynamic-provider plugin on PATH are the pinned or an accepted installed version", () => {
    const lines: string[] = toolchain.describe(process.env);
    for (const tool of ["node", "pulumi", "pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs", "pulumi-language-python", "pulumi-language-yaml"]) {
      expect(lines.find((l) => l.startsWith(`${tool} `))).not.toMatch(/missing$/);
    }
    const version = /v(\d+\.\d+\.\d+)/.exec(spawnSync("pulumi", ["version"], { encoding: "utf8" }).stdout)![1];
    expect(toolchain.compareVersions(version, versions.pulumi.minimumOnPath)).toBeGreaterThanOrEqual(0);
  });

  it("python3 on PATH is the .tools/ virtualenv's, with the pinned pulumi SDK", () => {
    const out = spawnSync("python3", ["-c", "import importlib.metadata as m; print(m.version('pulumi'))"], { encoding: "utf8" });
    expect(out.stdout.trim()).toBe(versions.pythonSdk.version);
  });

  it("compares versions numerically", () => {
    expect(toolchain.compareVersions("3.276.0", "3.229.0")).toBeGreaterThan(0);
    expect(toolchain.compareVersions("3.99.0", "3.229.0")).toBeLessThan(0);
    expect(toolchain.compareVersions("3.229.0", "3.229.0")).toBe(0);
  });
});
