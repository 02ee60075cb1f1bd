import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { typeOfDynamicToken, type ResourceType } from "../../src/resources";
import { providerLoader } from "../../src/resources/pulumi/providerLoader";
import { drifted } from "./lifecycle";
import { PulumiStack, rootProject, steps } from "./pulumiCli";
import { rootCases } from "./stackCases";

/**
 * A stack deployed by an earlier release holds that release's `__provider` text (Pulumi's 2.6 KB
 * serialization of a provider object). Upgrading the package must not replace, re-create or drop
 * anything: the old text still loads the installed code, and the next `up` stores the new loader.
 */

jest.setTimeout(180_000);

const legacyTexts: Record<ResourceType, string> = JSON.parse(readFileSync(join(__dirname, "../fixtures/legacyProviderTexts.json"), "utf8"));

interface StateResource {
  type: string;
  urn: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}
const resourcesOf = (state: { deployment: { resources: StateResource[] } }) =>
  state.deployment.resources.filter((r) => typeOfDynamicToken(r.type) !== undefined);

const providerLoaderOf = (resource: StateResource) => providerLoader(typeOfDynamicToken(resource.type)!);

let emulator: RunningEmulator;
let stack: PulumiStack;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  stack = await PulumiStack.create("state-upgrade", rootProject("dev"), "dev");
  await stack.configSet("livekit:url", emulator.url);
  await stack.configSet("livekit:apiKey", emulator.apiKey);
  await stack.configSet("livekit:apiSecret", emulator.apiSecret, { secret: true });
  await stack.configSet("livekit-telephony:devTrunkPassword", "first-password", { secret: true });
  await stack.up();
  // Rewrite the state as the earlier release left it.
  const state = JSON.parse(await stack.exportText());
  for (const resource of resourcesOf(state)) {
    const legacy = legacyTexts[typeOfDynamicToken(resource.type)!];
    for (const props of [resource.inputs, resource.outputs]) if (props) props.__provider = legacy;
  }
  const file = join(stack.dir, "legacy-state.json");
  writeFileSync(file, JSON.stringify(state));
  await stack.pulumi(["stack", "import", "--stack", "dev", "--file", file]);
}, 120_000);
afterAll(async () => {
  await emulator?.close();
  stack?.remove();
});

it("state from the earlier release previews, refreshes and updates in place under the new release, and stores the new loader as resources change", async () => {
  const ids = () => Object.fromEntries(["inboundTrunk", "outboundTrunk", "dispatchRule"].map((k) => [k, emulator.store.list(k as never).map((o) => o.sip_trunk_id ?? o.sip_dispatch_rule_id).sort()]));
  const before = ids();
  expect(before.dispatchRule.length).toBeGreaterThan(0);
  await stack.preview(["--expect-no-changes"]);
  const refreshed = await stack.refresh(["--expect-no-changes"]);
  expect(drifted(refreshed.events)).toEqual([]);
  stack.editConfig(rootCases[0].change);
  const updated = await stack.up();
  const ops = steps(updated.events);
  expect(ops.length).toBeGreaterThan(0);
  expect(ops.every((op) => op.startsWith("update "))).toBe(true);
  expect(ids()).toEqual(before);

  // Inputs take the new loader at once; outputs when LiveKit's object next changes (the engine
  // keeps an unchanged resource's outputs), and until then the old text still loads the installed code.
  const resources = resourcesOf(JSON.parse(await stack.exportText()));
  const updatedNames = ops.map((op) => op.split(" ").pop());
  for (const resource of resources) {
    const current = providerLoaderOf(resource);
    expect(resource.inputs?.__provider).toBe(current);
    const updatedNow = updatedNames.some((name) => resource.urn.endsWith(`::${name}`));
    expect(resource.outputs?.__provider).toBe(updatedNow ? current : legacyTexts[typeOfDynamicToken(resource.type)!]);
  }
  expect(resources.some((r) => updatedNames.some((name) => r.urn.endsWith(`::${name}`)))).toBe(true);
  await stack.destroy();
  expect(ids()).toEqual({ inboundTrunk: [], outboundTrunk: [], dispatchRule: [] });
});
