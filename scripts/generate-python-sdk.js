#!/usr/bin/env node
// Writes the Python SDK of the native provider (sdk/python/, package pulumi_livekit) from
// provider/schema.json with the real CLI: `pulumi package gen-sdk --language python`. Run through
// `npm run sdk:python` (the pinned tools on PATH); a test fails when the committed SDK is stale.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..");
const schemaFile = path.join(root, "provider", "schema.json");
const sdkDir = path.join(root, "sdk", "python");

/** Generates the SDK into `out` (replaced); throws with the CLI's output when it fails. */
function generatePythonSdk(out, env = process.env) {
  const codegen = env.LIVEKIT_SIP_PYTHON_CODEGEN;
  if (!codegen) throw new Error("LIVEKIT_SIP_PYTHON_CODEGEN is not set: run this through `node scripts/tools.js exec --`, which builds Pulumi's Python code generator");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "livekit-python-sdk-"));
  try {
    // The code generator is a Python language host of its own (scripts/tools/python-codegen): first
    // on PATH for this one command, before the host that runs programs.
    const result = spawnSync("pulumi", ["package", "gen-sdk", schemaFile, "--language", "python", "--out", work], {
      cwd: work,
      encoding: "utf8",
      env: {
        ...env,
        PATH: `${codegen}${path.delimiter}${env.PATH}`,
        PULUMI_HOME: path.join(work, ".pulumi-home"),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      },
    });
    if (result.status !== 0) throw new Error(`pulumi package gen-sdk failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.cpSync(path.join(work, "python"), out, { recursive: true });
    // pyproject.toml names README.md beside it, and the generator writes it into the package, as
    // for Pulumi's own providers, whose builds copy it up.
    fs.copyFileSync(path.join(out, "pulumi_livekit", "README.md"), path.join(out, "README.md"));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

module.exports = { generatePythonSdk, sdkDir };

if (require.main === module) {
  try {
    generatePythonSdk(sdkDir);
    console.log(`wrote ${path.relative(root, sdkDir)}/ from ${path.relative(root, schemaFile)}`);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
