"use strict";
// Preloaded into each provider host (node -r): the host's stdin is a pipe from the test process, so it ends when
// that process dies, however it dies. Exiting then means a crashed or killed jest worker leaves no hosts behind.
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
