import * as fs from "fs/promises";
import * as path from "path";
import { withDirLock } from "./dirLock";
import { FIXTURES_ROOT } from "./paths";

export interface FixturePackage {
  /** Directory name under <repo>/.fixtures/. */
  fixture: string;
  /** `name` of the fixture project's package.json (and its Pulumi.yaml). */
  projectName: string;
  packageName: string;
  packageVersion: string;
  /** Identifies the package content; an install with the same hash is reused. */
  contentHash: string;
  /** Fills an empty directory with the package's files, exactly as they should be installed. */
  populate(targetDir: string): Promise<void>;
  /** Files for the project directory itself (e.g. a program's index.js); cover them in contentHash. */
  projectFiles?: Record<string, string>;
}

export interface InstalledFixture {
  /** The fixture project directory: the cwd for the provider host. */
  dir: string;
  /** <dir>/node_modules/<packageName>. */
  packageDir: string;
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, content);
  await fs.rename(tmp, file);
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function readMarker(marker: string): Promise<string | undefined> {
  return fs.readFile(marker, "utf8").catch(() => undefined);
}

async function isCurrent(spec: FixturePackage, dir: string, packageDir: string, marker: string): Promise<boolean> {
  return (
    (await readMarker(marker)) === spec.contentHash &&
    (await exists(path.join(packageDir, "package.json"))) &&
    (await exists(path.join(dir, "package.json")))
  );
}

async function writeProjectFiles(spec: FixturePackage, dir: string): Promise<void> {
  const pkg = { name: spec.projectName, version: "0.0.0", private: true, dependencies: { [spec.packageName]: spec.packageVersion } };
  await writeAtomically(path.join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  // Not read by the host; present so the directory looks like the Pulumi project a user would have.
  await writeAtomically(path.join(dir, "Pulumi.yaml"), `name: ${spec.projectName}\nruntime: nodejs\n`);
  for (const [name, content] of Object.entries(spec.projectFiles ?? {})) {
    await writeAtomically(path.join(dir, name), content);
  }
}

/** Swaps the new package directory in with two renames, so readers never see a half-written package. */
async function swapIn(staging: string, packageDir: string): Promise<void> {
  const trash = `${packageDir}.old-${process.pid}-${Date.now()}`;
  await fs.rename(packageDir, trash).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== "ENOENT") {
      throw err;
    }
  });
  await fs.rename(staging, packageDir);
  await fs.rm(trash, { recursive: true, force: true });
}

/**
 * Installs a package as a real directory into <repo>/.fixtures/<fixture>/node_modules. Idempotent, reused while the
 * content hash is unchanged, and safe when several jest workers call it at once.
 */
export async function installFixturePackage(spec: FixturePackage): Promise<InstalledFixture> {
  const dir = path.join(FIXTURES_ROOT, spec.fixture);
  const packageDir = path.join(dir, "node_modules", spec.packageName);
  const marker = path.join(dir, `.installed-${spec.packageName.replace(/\//g, "__")}`);
  if (await isCurrent(spec, dir, packageDir, marker)) {
    return { dir, packageDir };
  }
  await withDirLock(`${dir}.lock`, async () => {
    if (await isCurrent(spec, dir, packageDir, marker)) {
      return;
    }
    await fs.mkdir(path.dirname(packageDir), { recursive: true });
    const staging = await fs.mkdtemp(path.join(dir, ".staging-"));
    try {
      await spec.populate(staging);
      await swapIn(staging, packageDir);
    } finally {
      await fs.rm(staging, { recursive: true, force: true });
    }
    await writeProjectFiles(spec, dir);
    await writeAtomically(marker, spec.contentHash);
  });
  return { dir, packageDir };
}
