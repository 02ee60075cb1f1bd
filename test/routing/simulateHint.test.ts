import { join } from "node:path";
import { calledNumberHint } from "../../src/cli/commands/simulate";
import { runCli } from "../tools/export/support/runCli";
import { PROD_STACK } from "./support/editedStack";

/** `simulate --to` with a number typed without "+": the call matches no trunk, and the CLI says which number was meant. */

const config = { trunks: [{ name: "main", numbers: ["+14155550100", "+14155550101"] }], rules: [] };

it("names the listed E.164 number a national spelling means", () => {
  expect(calledNumberHint(config, "4155550100")).toBe('hint: --to 4155550100 has no "+" and matches no trunk number; did you mean --to +14155550100?');
  expect(calledNumberHint(config, "(415) 555-0101")).toContain("did you mean --to +14155550101?");
});

it("explains E.164 when no listed number fits, and says nothing for numbers with + or number: references", () => {
  expect(calledNumberHint(config, "2125550123")).toBe('hint: --to 2125550123 has no "+": LiveKit compares numbers in E.164 form, e.g. +14155550100');
  expect(calledNumberHint(config, "+14155550100")).toBeUndefined();
  expect(calledNumberHint(config, "number:main-line")).toBeUndefined();
});

it("prints the hint on stderr after the simulation", async () => {
  const run = await runCli(["simulate", PROD_STACK, "--to", "4155550100", "--from", "+12125550123"], { cwd: join(__dirname, "..", "..") });
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("Dropped");
  expect(run.stderr).toBe('hint: --to 4155550100 has no "+" and matches no trunk number; did you mean --to +14155550100?\n');
});
