// Jest's default reporter, printing a test file's console output only when the file has a failure:
// the log of a run shows failures and what led to them, not the warnings and figures that passing
// tests print on the way (Pulumi's runtime warnings from evaluated programs, fault-run counts).
const { DefaultReporter } = require("@jest/reporters");

const failed = (result) => result.numFailingTests > 0 || Boolean(result.testExecError) || Boolean(result.failureMessage);

class FailuresReporter extends DefaultReporter {
  printTestFileHeader(testPath, config, result) {
    super.printTestFileHeader(testPath, config, failed(result) ? result : { ...result, console: undefined });
  }
}

module.exports = FailuresReporter;
