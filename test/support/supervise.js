#!/usr/bin/env node
// Runs a server for a test and stops it when the test process goes away, however it goes: the
// parent holds this process's stdin, so a crashed jest worker closes it and the server is killed.
"use strict";
const { spawn } = require("node:child_process");
const fs = require("node:fs");

const [logFile, command, ...args] = process.argv.slice(2);
const log = fs.openSync(logFile, "a");
const child = spawn(command, args, { stdio: ["ignore", log, log] });
let stopping = false;

function stop() {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  setTimeout(() => child.kill("SIGKILL"), 3000).unref();
}

child.on("exit", (code, signal) => process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0))));
child.on("error", (err) => {
  fs.writeSync(log, `supervise: ${command}: ${err.message}\n`);
  process.exit(127);
});
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, stop);
