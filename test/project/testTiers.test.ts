import { existsSync } from "node:fs";
import { join } from "node:path";

/** The fast tier (`npm run test:unit`) takes the tests that spawn nothing, and only those. */
const { spawnFreeTests, spawnsFrom } = require("../support/spawnFree") as {
  spawnFreeTests(root: string, exclude?: string[]): string[];
  spawnsFrom(file: string): boolean;
};
const test = (path: string) => {
  const file = join(__dirname, "..", path);
  // A renamed test must be renamed here too, or the check below would pass on a file that is gone.
  if (!existsSync(file)) throw new Error(`no test ${path}`);
  return file;
};

it("leaves out tests that spawn, directly or through what they import, and keeps pure ones", () => {
  const tier = spawnFreeTests(join(__dirname, ".."), [join(__dirname, "..", "differential")]);
  for (const spawning of ["cli/reviewCommands.test.ts", "e2e/upLocal.test.ts", "provider/host/badInputCorpus.test.ts", "emulator/cli.test.ts", "pulumiCli/rootStacks.test.ts"]) {
    expect([spawning, tier.includes(test(spawning))]).toEqual([spawning, false]);
  }
  for (const pure of ["callRouting/plan.test.ts", "callRouting/callLanding.test.ts", "client/retry.test.ts", "emulator/sortedIndex.test.ts"]) {
    expect([pure, tier.includes(test(pure))]).toEqual([pure, true]);
  }
  // Through imports: the host test helpers start a provider host process.
  expect(spawnsFrom(test("support/livekitStack.ts"))).toBe(true);
});
