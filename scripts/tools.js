#!/usr/bin/env node
// Provides the pinned tools (see scripts/tools/versions.json) and runs a command with them:
//   node scripts/tools.js                 build or find every tool, print where each comes from
//   node scripts/tools.js exec -- <cmd>   the same, then run <cmd> with them first on PATH
"use strict";
const { spawn } = require("node:child_process");
const toolchain = require("./tools/toolchain");

function main() {
  const argv = process.argv.slice(2);
  let env;
  try {
    env = toolchain.toolEnv();
  } catch (err) {
    if (!(err instanceof toolchain.ToolError)) throw err;
    console.error(`tools: ${err.message}`);
    process.exit(1);
  }
  if (argv[0] !== "exec") {
    for (const line of toolchain.describe(env)) console.log(line);
    return;
  }
  const command = argv.slice(argv[1] === "--" ? 2 : 1);
  if (command.length === 0) {
    console.error("usage: node scripts/tools.js exec -- <command> [args...]");
    process.exit(2);
  }
  const child = spawn(command[0], command.slice(1), { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("error", (err) => {
    console.error(`tools: ${command[0]}: ${err.message}`);
    process.exit(127);
  });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
