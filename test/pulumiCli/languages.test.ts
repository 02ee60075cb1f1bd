import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../harness/paths";
import { describeLifecycle } from "./lifecycle";
import { languageCases } from "./stackCases";

/**
 * Python and YAML programs of the native provider through the real CLI and language hosts: the
 * inbound receptionist in both (examples/python-receptionist, examples/yaml-receptionist), and the
 * committed Python SDK is what `pulumi package gen-sdk` makes of provider/schema.json today.
 */

jest.setTimeout(180_000);

for (const c of languageCases) describeLifecycle(c);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generatePythonSdk, sdkDir } = require(path.join(REPO_ROOT, "scripts", "generate-python-sdk.js"));

/** Every file under a folder, relative to it, with its text. */
function files(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    // What pip or Python leave beside the sources is not part of the SDK.
    if (!entry.isFile() || /(^|\/)(__pycache__|build|[^/]*\.egg-info)(\/|$)/.test(path.relative(dir, file))) continue;
    found[path.relative(dir, file)] = fs.readFileSync(file, "utf8");
  }
  return found;
}

it("the committed Python SDK (sdk/python) is what `pulumi package gen-sdk --language python` makes of provider/schema.json (regenerate: npm run sdk:python)", () => {
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "python-sdk-check-"));
  try {
    generatePythonSdk(path.join(fresh, "python"));
    const generated = files(path.join(fresh, "python"));
    const committed = files(sdkDir);
    expect(Object.keys(committed).sort()).toEqual(Object.keys(generated).sort());
    for (const [file, text] of Object.entries(generated)) expect([file, committed[file]]).toEqual([file, text]);
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
  }
});
