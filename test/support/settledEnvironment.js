"use strict";
/**
 * Jest's node environment, plus one rule: a test file is done only when what it started has
 * stopped. Servers, sockets and child processes a file closes in `afterAll` finish closing
 * asynchronously; a jest worker whose last file leaves one still closing cannot exit when jest
 * ends it, and is force-exited ("A worker process has failed to exit gracefully"). So teardown
 * waits until the event loop holds no more of them than when the file started, and names what
 * is still there after the grace period (a real leak) on stderr.
 */
const { TestEnvironment } = require("jest-environment-node");

/** Resources a test file may start and must stop; jest's own pipes to the worker are the baseline. */
const WATCHED = new Set(["ProcessWrap", "TCPServerWrap", "TCPSocketWrap", "TCPWRAP", "PipeWrap", "PipeServerWrap", "Timeout", "FSEventWrap", "UDPWRAP", "TTYWrap"]);
const GRACE_MS = Number(process.env.TEST_SETTLE_MS ?? 10_000);
const POLL_MS = 25;

function counts() {
  const byType = new Map();
  for (const type of process.getActiveResourcesInfo()) if (WATCHED.has(type)) byType.set(type, (byType.get(type) ?? 0) + 1);
  return byType;
}

/** What is active now beyond the baseline, as "Type ×n". */
function beyond(baseline) {
  const extra = [];
  for (const [type, n] of counts()) if (n > (baseline.get(type) ?? 0)) extra.push(`${type} ×${n - (baseline.get(type) ?? 0)}`);
  return extra;
}

class SettledEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
  }

  async setup() {
    // The process's stdio handles are made on first use and live as long as the process (loading
    // @pulumi/pulumi reads every property of `process`, stdin included): made now, they count in
    // the baseline rather than as something the file left open. An unread stdin keeps no one alive.
    void process.stdin;
    void process.stdout;
    void process.stderr;
    this.baseline = counts();
    await super.setup();
  }

  async teardown() {
    await super.teardown();
    const deadline = Date.now() + GRACE_MS;
    let extra = beyond(this.baseline);
    while (extra.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS).unref());
      extra = beyond(this.baseline);
    }
    if (extra.length > 0) {
      process.stderr.write(`${this.testPath}: still running ${GRACE_MS} ms after its teardown: ${extra.join(", ")}; a test leaves it open\n`);
    }
  }
}

module.exports = SettledEnvironment;
