/** The run's log shows a test file's console output when the file failed, and only then. */
const FailuresReporter = require("../support/failuresReporter") as new (config: object) => {
  printTestFileHeader(testPath: string, config: object, result: object): void;
  log(message: string): void;
};

function printed(result: object): string {
  const reporter = new FailuresReporter({ rootDir: "/", verbose: false, silent: false, noStackTrace: true });
  const lines: string[] = [];
  reporter.log = (message) => void lines.push(message);
  reporter.printTestFileHeader("/repo/test/a.test.ts", { rootDir: "/repo", cwd: "/repo" }, { testFilePath: "/repo/test/a.test.ts", testResults: [], perfStats: { runtime: 5, slow: false }, ...result });
  return lines.join("\n");
}

const console_ = [{ message: "fault run: 3 retries", origin: "at x (/repo/test/a.test.ts:1:1)", type: "log" }];

it("leaves out the console output of a file whose tests passed", () => {
  expect(printed({ numFailingTests: 0, console: console_ })).not.toContain("fault run: 3 retries");
});

it("prints the console output of a file with a failing test, or one that could not run", () => {
  expect(printed({ numFailingTests: 1, console: console_ })).toContain("fault run: 3 retries");
  expect(printed({ numFailingTests: 0, testExecError: { message: "boom" }, console: console_ })).toContain("fault run: 3 retries");
});
