/**
 * The run's log shows a test file's console output when the file failed, and only then. (The
 * reporter itself is not built here: jest's reporters take over the process's output streams.)
 */
const { asLogged } = require("../support/failuresReporter") as { asLogged(result: object): { console?: unknown } };

const console_ = [{ message: "fault run: 3 retries", origin: "at x (/repo/test/a.test.ts:1:1)", type: "log" }];

it("leaves out the console output of a file whose tests passed", () => {
  expect(asLogged({ numFailingTests: 0, console: console_ }).console).toBeUndefined();
});

it("keeps the console output of a file with a failing test, or one that could not run", () => {
  expect(asLogged({ numFailingTests: 1, console: console_ }).console).toBe(console_);
  expect(asLogged({ numFailingTests: 0, testExecError: { message: "boom" }, console: console_ }).console).toBe(console_);
});
