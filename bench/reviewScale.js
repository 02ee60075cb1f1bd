"use strict";
/**
 * The review CLI at scale: `livekit-sip plan` of a program declaring n inbound trunks (two numbers
 * each) and 5n pinned dispatch rules, and `livekit-sip diff` of that program against a revision
 * changing every seventh rule's room, each as users run it (a process of the built CLI, type
 * check included). Peak RSS is the largest of the command's processes (diff evaluates its sides
 * in two); the growth exponent between sizes says whether the cost stays linear.
 */
const { spawn } = require("node:child_process");
const { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { round } = require("./measure");

const CLI = join(__dirname, "..", "dist", "cli", "main.js");
const RULES_PER_TRUNK = 5;

function program(trunks, revision) {
  return `import { DispatchRule, InboundTrunk } from "pulumi-livekit-sip";
const trunks: InboundTrunk[] = [];
for (let i = 0; i < ${trunks}; i++) {
  trunks.push(new InboundTrunk("t" + i, { name: "trunk " + i, numbers: ["+1415" + (2000000 + 2 * i), "+1415" + (2000001 + 2 * i)], allowedAddresses: ["10.0." + (i % 250) + ".0/24"] }));
}
for (let i = 0; i < ${trunks * RULES_PER_TRUNK}; i++) {
  const room = "room-" + i + (${revision} && i % 7 === 0 ? "-b" : "");
  new DispatchRule("r" + i, { name: "rule " + i, trunkIds: [trunks[Math.floor(i / ${RULES_PER_TRUNK})].sipTrunkId], rule: { type: "direct", roomName: room, pin: String(1000 + (i % ${RULES_PER_TRUNK})) }, roomConfig: { agents: [{ agentName: "agent" }] } });
}
`;
}

function project(dir, trunks, revision) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "Pulumi.yaml"), "name: review-scale\nruntime: nodejs\n");
  writeFileSync(join(dir, "index.ts"), program(trunks, revision));
  return dir;
}

/** Highest RSS of a process and its descendants (Linux /proc), sampled every 50 ms. */
function treeRss(rootPid) {
  const children = new Map();
  let total = 0;
  const pids = require("node:fs").readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(Number(pid), ppid);
    } catch {}
  }
  const inTree = (pid) => {
    for (let p = pid; p > 1; p = children.get(p) ?? 0) if (p === rootPid) return true;
    return false;
  };
  let largest = 0;
  for (const pid of children.keys()) {
    if (!inTree(pid)) continue;
    try {
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
      total += rss;
      largest = Math.max(largest, rss);
    } catch {}
  }
  return { total, largest };
}

function timeCli(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const peak = { total: 0, largest: 0 };
    const timer = setInterval(() => {
      const now = treeRss(child.pid);
      peak.total = Math.max(peak.total, now.total);
      peak.largest = Math.max(peak.largest, now.largest);
    }, 50);
    child.on("close", (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`livekit-sip ${args[0]} exited with ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms, peakRssBytes: peak.largest, peakTreeRssBytes: peak.total });
    });
  });
}

const exponent = (a, b) => Math.log(b.ms / a.ms) / Math.log(b.trunks / a.trunks);

async function run({ sizes = [250, 500, 1000], log = () => undefined } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), "review-scale-"));
  try {
    const results = { plan: [], diff: [] };
    for (const trunks of sizes) {
      const base = project(join(scratch, `base-${trunks}`), trunks, 0);
      const head = project(join(scratch, `head-${trunks}`), trunks, 1);
      for (const [command, args] of [["plan", [base]], ["diff", [base, head]]]) {
        const figures = await timeCli([command, ...args]);
        const runs = results[command];
        const previous = runs[runs.length - 1];
        const entry = { trunks, rules: trunks * RULES_PER_TRUNK, resources: trunks * (1 + RULES_PER_TRUNK), ms: Math.round(figures.ms), peakRssBytes: figures.peakRssBytes, peakTreeRssBytes: figures.peakTreeRssBytes };
        entry.growthExponent = previous ? round(exponent(previous, entry), 2) : undefined;
        runs.push(entry);
        log(`  ${command} ${trunks} trunks + ${entry.rules} rules: ${(entry.ms / 1000).toFixed(1)} s, peak ${(entry.peakRssBytes / 1024 ** 2).toFixed(0)} MiB per process`);
      }
    }
    return { target: { ms: 10_000, peakRssBytes: 1024 ** 3, at: { trunks: 1000, rules: 5000 } }, ...results };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

module.exports = { run };
