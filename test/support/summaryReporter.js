// Writes the run's totals where .ci/run can print them as its last line ("N passed, N failed").
const fs = require("node:fs");
const path = require("node:path");

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const file = path.join(__dirname, "..", "..", ".test-results", "summary.json");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ passed: results.numPassedTests, failed, skipped: results.numPendingTests }));
  }
}

module.exports = SummaryReporter;
