import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { POLICY_PACK_NAME } from "../../src/policy";

/**
 * policy-pack/ is what an organisation copies, installs and publishes: it must depend on exactly
 * the versions this package is built and tested with, and run on the policies of this package.
 */

const root = join(__dirname, "..", "..");
const rootPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pack = join(root, "policy-pack");
const packPackage = JSON.parse(readFileSync(join(pack, "package.json"), "utf8"));

it("pins @pulumi/policy, @pulumi/pulumi and this package at the versions the tests run", () => {
  expect(packPackage.dependencies).toEqual({
    "@pulumi/policy": rootPackage.devDependencies["@pulumi/policy"],
    "@pulumi/pulumi": rootPackage.devDependencies["@pulumi/pulumi"],
    [rootPackage.name]: rootPackage.version,
  });
  expect(packPackage.version).toBe(rootPackage.version);
  // The package's types name @pulumi/policy, which only a pack installs.
  expect(rootPackage.peerDependencies["@pulumi/policy"]).toBe(`^${rootPackage.devDependencies["@pulumi/policy"]}`);
  expect(rootPackage.peerDependenciesMeta["@pulumi/policy"]).toEqual({ optional: true });
});

it("installs one @pulumi/pulumi: @pulumi/policy's range takes the pinned version", () => {
  const policyDir = dirname(require.resolve("@pulumi/policy/package.json"));
  expect(require.resolve("@pulumi/pulumi/package.json", { paths: [policyDir] })).toBe(require.resolve("@pulumi/pulumi/package.json"));
});

it("is a Node.js policy pack whose entry serves this package's policies under the pack's name", () => {
  expect(parse(readFileSync(join(pack, "PulumiPolicy.yaml"), "utf8")).runtime).toBe("nodejs");
  const entry = readFileSync(join(pack, packPackage.main), "utf8");
  expect(entry).toContain(`require("${rootPackage.name}/policy")`);
  expect(entry).toContain("new PolicyPack(POLICY_PACK_NAME, policyPackArgs())");
  expect(rootPackage.exports["./policy"]).toEqual({ types: "./dist/policy/index.d.ts", default: "./dist/policy/index.js" });
  expect(POLICY_PACK_NAME).toMatch(/^[a-zA-Z0-9-_.]{1,100}$/);
});

it("ships its analyzer script executable, for CLIs whose language host cannot start a pack", () => {
  expect(statSync(join(pack, "analyzer")).mode & 0o111).not.toBe(0);
  expect(readFileSync(join(pack, "analyzer"), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
});
