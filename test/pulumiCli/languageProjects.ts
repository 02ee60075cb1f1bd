import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "../harness/paths";
import type { ProjectSource } from "./pulumiCli";

const run = promisify(execFile);

/**
 * Python and YAML examples set up as their READMEs say, in the stack's folder of the fixture
 * project: the npm package's bin folder where Pulumi.yaml's `plugins:` names it, and for Python a
 * virtualenv `venv` with the generated SDK (sdk/python) installed.
 */

/** The example names `./node_modules/.bin`; the fixture project's holds the packed package's bins. */
function linkNodeModules(dir: string): void {
  fs.symlinkSync(path.join("..", "..", "node_modules"), path.join(dir, "node_modules"));
}

/** The site-packages folder of the `python3` on PATH: the .tools/ virtualenv with the pinned pulumi SDK. */
let toolsSitePackages: Promise<string> | undefined;
function sitePackagesOfPathPython(): Promise<string> {
  toolsSitePackages ??= run("python3", ["-c", "import pulumi, sysconfig; print(sysconfig.get_paths()['purelib'])"]).then(
    ({ stdout }) => stdout.trim(),
    () => {
      throw new Error("python3 on PATH has no pulumi SDK: run the tests through `npm test` (or `node scripts/tools.js exec -- jest …`), which makes the .tools/ virtualenv.");
    },
  );
  return toolsSitePackages;
}

/**
 * `venv` in the stack's folder, as `python3 -m venv venv && venv/bin/pip install -r requirements.txt`
 * would make it, without going to PyPI: pulumi and its dependencies are seen from the .tools/
 * virtualenv (a .pth file), and the committed SDK is installed from a copy (pip builds in the
 * source folder, which would leave build files in sdk/python).
 */
async function makeVirtualenv(dir: string): Promise<NodeJS.ProcessEnv> {
  const venv = path.join(dir, "venv");
  await run("python3", ["-m", "venv", "--without-pip", venv]);
  const { stdout } = await run(path.join(venv, "bin", "python"), ["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]);
  fs.writeFileSync(path.join(stdout.trim(), "livekit_sip_tools.pth"), `${await sitePackagesOfPathPython()}\n`);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-livekit-sdk-"));
  try {
    fs.cpSync(path.join(REPO_ROOT, "sdk", "python"), copy, { recursive: true });
    await run(path.join(venv, "bin", "python"), ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "--no-build-isolation", "--no-index", copy]);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
  // An activated virtualenv: the pinned Python host runs the python3 on PATH; today's hosts read `virtualenv: venv`.
  return { PATH: `${path.join(venv, "bin")}${path.delimiter}${process.env.PATH}`, VIRTUAL_ENV: venv };
}

export function pythonExample(name: string): ProjectSource {
  return {
    from: path.join(REPO_ROOT, "examples", name),
    prepare: async (dir) => {
      linkNodeModules(dir);
      return makeVirtualenv(dir);
    },
  };
}

export function yamlExample(name: string): ProjectSource {
  return {
    from: path.join(REPO_ROOT, "examples", name),
    prepare: async (dir) => linkNodeModules(dir),
  };
}
