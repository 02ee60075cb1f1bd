import { cpSync, mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../tools/export/support/runCli";

/**
 * A review gate must fail on a pull request that breaks the program: one that does not compile,
 * one that throws, one that declares nothing. `plan` and `diff --fail-on-risk` exit 1 (an error,
 * not a risk verdict) and say why, with file:line:column for compile errors.
 */

const root = join(__dirname, "..", "..");
const receptionist = join(root, "examples", "inbound-receptionist");
// Inside the repository, so the programs find typescript and @pulumi/pulumi as in a user's project.
const scratch = join(root, ".fixtures", `broken-programs-${process.pid}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The receptionist example with its program edited. */
function broken(name: string, edit: (program: string) => string): string {
  const dir = join(scratch, name);
  mkdirSync(scratch, { recursive: true });
  cpSync(receptionist, dir, { recursive: true });
  writeFileSync(join(dir, "index.ts"), edit(readFileSync(join(receptionist, "index.ts"), "utf8")));
  return dir;
}

const cases: { name: string; edit: (program: string) => string; message: RegExp }[] = [
  { name: "a syntax error", edit: (p) => p.replace("krispEnabled: true,", "krispEnabled: true,,"), message: /does not compile \(1 error\):\n.*index\.ts:\d+:\d+ - error TS1136: Property assignment expected\./ },
  { name: "a type error", edit: (p) => `${p}\nconst port: number = "5060";\n`, message: /index\.ts:\d+:7 - error TS2322: Type 'string' is not assignable to type 'number'\./ },
  { name: "a throwing program", edit: (p) => `${p}\nthrow new Error("numbers are missing from this environment");\n`, message: /numbers are missing from this environment/ },
  { name: "an empty program", edit: () => `export const nothing = true;\n`, message: /declares no LiveKit resources \(no trunk, dispatch rule or phone number\)/ },
];

describe.each(cases)("a program with $name", ({ name, edit, message }) => {
  const dir = broken(name.replace(/ /g, "-"), edit);

  it("fails plan with exit 1 and says why", async () => {
    const run = await runCli(["plan", dir, "--stack", "dev"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
  });

  it("fails diff --fail-on-risk against the working program with exit 1, not a risk verdict", async () => {
    const run = await runCli(["diff", receptionist, dir, "--stack", "dev", "--fail-on-risk"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  });
});

it("--allow-empty accepts an empty program, and the diff then reports the removal", async () => {
  const dir = broken("empty-allowed", () => `export const nothing = true;\n`);
  expect((await runCli(["plan", dir, "--stack", "dev", "--allow-empty"])).code).toBe(0);
  const diff = await runCli(["diff", receptionist, dir, "--stack", "dev", "--allow-empty"]);
  expect(diff.code).toBe(0);
  expect(diff.stdout).toMatch(/removed/i);
});
