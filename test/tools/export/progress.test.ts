import { createProgress } from "../../../src/cli/progress";

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe("progress output", () => {
  it("redraws one bar in place on a terminal and clears it at the end", () => {
    const terminal = stream(true);
    const progress = createProgress(terminal, {});
    progress.step("read 4 inbound trunks", 1, 3);
    progress.step("read 2 outbound trunks", 3, 3);
    progress.finish();
    expect(terminal.written).toEqual([
      `\r\x1b[2K[${"#".repeat(8)}${"-".repeat(16)}] 1/3 read 4 inbound trunks`,
      `\r\x1b[2K[${"#".repeat(24)}] 3/3 read 2 outbound trunks`,
      "\r\x1b[2K",
    ]);
  });

  it("writes plain lines when stderr is not a terminal, or in CI", () => {
    for (const [isTTY, env] of [[false, {}], [true, { CI: "true" }], [true, { CI: "1" }]] as const) {
      const output = stream(isTTY);
      const progress = createProgress(output, env);
      progress.step("read 4 inbound trunks", 1, 3);
      progress.finish();
      expect(output.written).toEqual(["read 4 inbound trunks (1/3)\n"]);
    }
    const notCi = stream(true);
    createProgress(notCi, { CI: "false" }).step("x", 0, 1);
    expect(notCi.written[0]).toMatch(/^\r/);
  });
});
