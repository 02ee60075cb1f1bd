// Jest's default reporter, printing a test file's console output only when the file has a failure:
// the log of a run shows failures and what led to them, not the warnings and figures that passing
// tests print on the way (Pulumi's runtime warnings from evaluated programs, fault-run counts).
const { DefaultReporter } = require("@jest/reporters");

const failed = (result) => result.numFailingTests > 0 || Boolean(result.testExecError) || Boolean(result.failureMessage);

/** The file's result as the log shows it: without its console output when it passed. */
const asLogged = (result) => (failed(result) ? result : { ...result, console: undefined });

class FailuresReporter extends DefaultReporter {
  printTestFileHeader(testPath, config, result) {
    super.printTestFileHeader(testPath, config, asLogged(result));
  }
}

module.exports = FailuresReporter;
module.exports.asLogged = asLogged;
