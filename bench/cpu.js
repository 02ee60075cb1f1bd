"use strict";
/**
 * CPU time of a process, to say where the time of a phase goes when the wall clock alone cannot
 * (on 2 cores, the driver, the provider host and the emulator take turns).
 */
const { readFileSync } = require("node:fs");

// Linux reports utime and stime in clock ticks; USER_HZ is 100 on every mainstream kernel.
const TICK_MS = 10;

/** User + system CPU milliseconds of process `pid` so far; this process when pid is omitted. */
function cpuMs(pid) {
  if (pid === undefined) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
  try {
    // The command name (field 2) may hold spaces, so count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

module.exports = { cpuMs };
