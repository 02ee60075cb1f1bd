import { execFile } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs/promises";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { installFixturePackage } from "./fixtureInstall";
import { REPO_ROOT } from "./paths";

const run = promisify(execFile);

export interface PackedProject {
  /** <repo>/.fixtures/project: a Pulumi project with the packed package installed. Use as the host's cwd. */
  dir: string;
  packageName: string;
}

interface PackInfo {
  name: string;
  version: string;
  filename: string;
}

async function npmPack(destination: string): Promise<PackInfo> {
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", destination], {
    cwd: REPO_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  const [info] = JSON.parse(stdout) as PackInfo[];
  return info;
}

async function sha256(file: string): Promise<string> {
  return createHash("sha256").update(await fs.readFile(file)).digest("hex");
}

async function extractTarball(tarball: string, target: string): Promise<void> {
  // npm tarballs hold everything under package/.
  await run("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
}

/**
 * What `npm install` adds for a package's `bin` entries: node_modules/.bin/<name> linking to the
 * file, which is made executable (npm keeps no file modes in the tarball). Pulumi starts the native
 * provider from there (`plugins:` in Pulumi.yaml names node_modules/.bin).
 */
async function linkBins(dir: string, packageName: string): Promise<void> {
  const packageDir = path.join(dir, "node_modules", packageName);
  const { bin = {} } = JSON.parse(await fs.readFile(path.join(packageDir, "package.json"), "utf8")) as { bin?: Record<string, string> };
  const binDir = path.join(dir, "node_modules", ".bin");
  await fs.mkdir(binDir, { recursive: true });
  for (const [name, file] of Object.entries(bin)) {
    await fs.chmod(path.join(packageDir, file), 0o755);
    // Made under a name of its own, then renamed over: workers linking at once never see no link.
    const temporary = path.join(binDir, `.${name}.${process.pid}`);
    await fs.rm(temporary, { force: true });
    await fs.symlink(path.join("..", packageName, file), temporary);
    await fs.rename(temporary, path.join(binDir, name));
  }
}

async function packAndInstall(): Promise<PackedProject> {
  await fs.access(path.join(REPO_ROOT, "dist", "index.js")).catch(() => {
    throw new Error("dist/index.js is missing: run `npm run build` before tests that need the packed package");
  });
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "harness-pack-"));
  try {
    const info = await npmPack(tmp);
    const tarball = path.join(tmp, info.filename);
    // npm writes tarballs with fixed mtimes, so an unchanged package hashes the same and the install is reused.
    const { dir } = await installFixturePackage({
      fixture: "project",
      projectName: "fixture-project",
      packageName: info.name,
      packageVersion: info.version,
      contentHash: await sha256(tarball),
      populate: (target) => extractTarball(tarball, target),
    });
    await linkBins(dir, info.name);
    return { dir, packageName: info.name };
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

let cached: Promise<PackedProject> | undefined;

/**
 * Packs the repo with `npm pack` (honouring `files` and `exports`) and installs the result as a real directory in
 * <repo>/.fixtures/project/node_modules, as a user's project would have it. Cached per process.
 */
export function preparePackedProject(): Promise<PackedProject> {
  cached ??= packAndInstall().catch((err: unknown) => {
    cached = undefined;
    throw err;
  });
  return cached;
}
