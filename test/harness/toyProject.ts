import { createHash } from "crypto";
import * as fs from "fs/promises";
import * as path from "path";
import { installFixturePackage, InstalledFixture } from "./fixtureInstall";

const SOURCE = path.join(__dirname, "toy-provider");
const PROGRAM = path.join(__dirname, "toy-project", "index.js");

async function hashSources(files: string[], program: string): Promise<string> {
  const hash = createHash("sha256").update(program);
  for (const file of files) {
    hash.update(file).update("\0").update(await fs.readFile(path.join(SOURCE, file))).update("\0");
  }
  return hash.digest("hex");
}

/**
 * Installs test/harness/toy-provider (copied, not linked) into <repo>/.fixtures/toy, with toy-project/index.js as
 * the project's program, for the self-tests.
 */
export async function prepareToyProject(): Promise<InstalledFixture> {
  const files = (await fs.readdir(SOURCE)).sort();
  const program = await fs.readFile(PROGRAM, "utf8");
  const { version } = JSON.parse(await fs.readFile(path.join(SOURCE, "package.json"), "utf8")) as { version: string };
  return installFixturePackage({
    fixture: "toy",
    projectName: "toy-fixture",
    packageName: "toy-provider",
    packageVersion: version,
    contentHash: await hashSources(files, program),
    projectFiles: { "index.js": program },
    populate: async (target) => {
      for (const file of files) {
        await fs.copyFile(path.join(SOURCE, file), path.join(target, file));
      }
    },
  });
}
