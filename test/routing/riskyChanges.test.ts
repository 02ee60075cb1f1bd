import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diffRouting, loadRoutingConfig } from "../../src/routing";
import { editedProd, PROD_STACK, type Spec, withoutAuth } from "./support/editedStack";

/**
 * Each kind of risky change, made the way a pull request makes it (an edit of the prod stack's
 * spec) and read through the loader the commands use. The exit code is tested in cli.test.ts.
 */

const scratch = mkdtempSync(join(tmpdir(), "review-risky-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const oneCaller = (spec: Spec) => (spec.inboundTrunks.main.allowedNumbers = ["+15105550100"]);

const riskyEdits: Record<string, { base?: (spec: Spec) => void; head: (spec: Spec) => void }> = {
  "auth-removed": { head: withoutAuth },
  "allowed-addresses-widened": { head: (spec) => spec.inboundTrunks.main.allowedAddresses.push("0.0.0.0/0") },
  "allowed-addresses-removed": { head: (spec) => delete spec.inboundTrunks.main.allowedAddresses },
  "allowed-numbers-widened": { base: oneCaller, head: (spec) => (spec.inboundTrunks.main.allowedNumbers = ["+15105550100", "+15105550101"]) },
  "allowed-numbers-removed": { base: oneCaller, head: () => undefined },
  "encryption-lowered": { head: (spec) => (spec.inboundTrunks.main.media.encryption = "disable") },
  "pin-removed": { head: (spec) => delete spec.dispatchRules.staff.rule.pin },
  "trunk-open": {
    head: (spec) => {
      withoutAuth(spec);
      delete spec.inboundTrunks.main.allowedAddresses;
    },
  },
  "trunk-wildcard": { head: (spec) => delete spec.inboundTrunks.main.numbers },
  "call-route": { head: (spec) => (spec.dispatchRules.reception.roomConfig.agents[0].agentName = "sales-agent") },
};

it.each(Object.keys(riskyEdits))("%s is reported as risky", async (kind) => {
  const { base, head } = riskyEdits[kind];
  const before = await loadRoutingConfig({ path: base === undefined ? PROD_STACK : editedProd(scratch, `${kind}-base`, base) });
  const after = await loadRoutingConfig({ path: editedProd(scratch, `${kind}-head`, head) });
  expect(diffRouting(before, after)).toContainEqual(expect.objectContaining({ kind, risky: true }));
});
