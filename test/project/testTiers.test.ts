import { join } from "node:path";

/** The fast tier (`npm run test:unit`) takes the tests that spawn nothing, and only those. */
const { spawnFreeTests, spawnsFrom } = require("../support/spawnFree") as {
  spawnFreeTests(root: string, exclude?: string[]): string[];
  spawnsFrom(file: string): boolean;
};
const test = (path: string) => join(__dirname, "..", path);

it("leaves out tests that spawn, directly or through what they import, and keeps pure ones", () => {
  const tier = spawnFreeTests(join(__dirname, ".."), [test("differential")]);
  for (const spawning of ["review/cli.test.ts", "e2e/upLocal.test.ts", "host/badInputCorpus.test.ts", "emulator/cli.test.ts", "cli/rootStacks.test.ts"]) {
    expect([spawning, tier.includes(test(spawning))]).toEqual([spawning, false]);
  }
  for (const pure of ["routing/plan.test.ts", "routing/callLanding.test.ts", "unit/retry.test.ts", "emulator/sortedIndex.test.ts"]) {
    expect([pure, tier.includes(test(pure))]).toEqual([pure, true]);
  }
  // Through imports: the host test helpers start a provider host process.
  expect(spawnsFrom(test("support/livekitStack.ts"))).toBe(true);
});
