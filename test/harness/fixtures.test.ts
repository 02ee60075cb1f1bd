import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { installFixturePackage } from "./fixtureInstall";
import { preparePackedProject } from "./fixtureProject";
import { FIXTURES_ROOT } from "./paths";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("fixture installation", () => {
  const fixtureDir = path.join(FIXTURES_ROOT, "install-self-test");
  afterAll(() => fs.rmSync(fixtureDir, { recursive: true, force: true }));

  test("concurrent installs populate once, and a new hash swaps the package in", async () => {
    let populated = 0;
    const spec = (hash: string) => ({
      fixture: "install-self-test",
      projectName: "install-self-test",
      packageName: "@scope/pkg",
      packageVersion: "1.0.0",
      contentHash: hash,
      populate: async (dir: string) => {
        populated++;
        await sleep(100);
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "@scope/pkg", hash }));
      },
    });
    const results = await Promise.all([1, 2, 3, 4].map(() => installFixturePackage(spec("h1"))));
    expect(populated).toBe(1);
    const { packageDir } = results[0];
    expect(fs.lstatSync(packageDir).isDirectory()).toBe(true);
    expect(fs.lstatSync(packageDir).isSymbolicLink()).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(fixtureDir, "package.json"), "utf8")).dependencies).toEqual({ "@scope/pkg": "1.0.0" });

    await installFixturePackage(spec("h2"));
    expect(populated).toBe(2);
    expect(JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")).hash).toBe("h2");
    expect(fs.readdirSync(path.dirname(packageDir))).toEqual(["pkg"]);
  });
});

test("the packed package installs as a real directory honouring files and exports", async () => {
  const project = await preparePackedProject();
  const packageDir = path.join(project.dir, "node_modules", project.packageName);
  expect(fs.lstatSync(packageDir).isSymbolicLink()).toBe(false);
  // `files` keeps sources and tests out of the package.
  expect(fs.existsSync(path.join(packageDir, "dist", "index.js"))).toBe(true);
  expect(fs.existsSync(path.join(packageDir, "src"))).toBe(false);
  expect(fs.existsSync(path.join(packageDir, "test"))).toBe(false);
  // Resolution from the project directory, where the provider host runs, goes through the package's exports.
  const resolve = (specifier: string) =>
    execFileSync(process.execPath, ["-p", `require.resolve(${JSON.stringify(specifier)})`], { cwd: project.dir, stdio: "pipe" }).toString().trim();
  expect(resolve(project.packageName)).toBe(path.join(packageDir, "dist", "index.js"));
  expect(resolve(`${project.packageName}/provider-host`)).toBe(path.join(packageDir, "dist", "provider", "index.js"));
  expect(() => resolve(`${project.packageName}/dist/index.js`)).toThrow();

  const started = Date.now();
  expect(await preparePackedProject()).toBe(await preparePackedProject());
  expect(Date.now() - started).toBeLessThan(100);
});
