import * as pulumi from "@pulumi/pulumi";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readStateIds } from "../../../src/tools/drift";
import { knownIdKey } from "../../../src/tools/drift/matchResources";
import { loadDesiredState } from "../../../src/tools/offline/desiredState";
import { evaluateProgram } from "../../../src/tools/offline/evaluateProgram";
import { debuggableModule, withoutPromiseStacks } from "../../../src/tools/offline/promiseStacks";
import { refFor } from "../../../src/tools/offline/resourceRefs";
import { readStackConfig } from "../../../src/tools/offline/stackConfigFile";
import { DispatchRule, InboundTrunk } from "../../../src";

const root = join(__dirname, "..", "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "offline-"));
const file = (name: string, text: string) => {
  writeFileSync(join(scratch, name), text);
  return join(scratch, name);
};

/** The program under Pulumi's mocks as a plain unit test runs it: every output seeded up front. */
async function seededRun(program: () => void): Promise<void> {
  await pulumi.runtime.setMocks({ newResource: ({ name, inputs }) => ({ id: `${name}-id`, state: inputs }), call: () => ({}) }, "demo", "dev", true);
  await pulumi.runtime.runInPulumiStack(async () => program());
  await pulumi.runtime.disconnect();
}

describe("offline evaluation of what a stack declares", () => {
  it("builds a Pulumi.<stack>.yaml spec as the root program does: names, trunk references, secret stand-ins", async () => {
    const resources = await loadDesiredState(join(root, "Pulumi.prod.yaml"));
    expect(resources.map((r) => `${r.type} ${r.name}`)).toEqual([
      "InboundTrunk telephony-main",
      "OutboundTrunk telephony-dialer",
      "DispatchRule telephony-reception",
      "DispatchRule telephony-staff",
    ]);
    const [main, , reception] = resources;
    expect(main.args).toMatchObject({ name: "Twilio inbound", authPassword: "[secret]", krispEnabled: true });
    expect(reception.args.trunkIds).toEqual([refFor("InboundTrunk", "telephony-main")]);
    expect(reception.adoptId).toBeUndefined();
  });

  it("rejects a spec TelephonyStack rejects, with its list of problems", async () => {
    const spec = file("bad.yaml", "inboundTrunks:\n  main:\n    numbres: ['+15550100']\n");
    await expect(loadDesiredState(spec)).rejects.toThrow(/inboundTrunks\.main\.numbres: unknown property "numbres": did you mean "numbers"\?/);
  });

  it("runs a program with its config and traces outputs that flow between resources", async () => {
    const program = () => {
      const password = new pulumi.Config().requireSecret("password");
      const trunk = new InboundTrunk("main", { numbers: ["+14155550100"], authUsername: "u", authPassword: password, adoptId: "ST_main" });
      new DispatchRule("reception", { rule: { type: "direct", roomName: "lobby" }, trunkIds: [trunk.sipTrunkId, "ST_elsewhere"] });
    };
    const resources = await evaluateProgram(program, { project: "demo", stack: "dev", config: { "demo:password": "[secret]" }, secretKeys: ["demo:password"] });
    expect(resources).toEqual([
      { type: "InboundTrunk", name: "main", adoptId: "ST_main", args: { numbers: ["+14155550100"], authUsername: "u", authPassword: "[secret]" } },
      { type: "DispatchRule", name: "reception", adoptId: undefined, args: { rule: { type: "direct", roomName: "lobby" }, trunkIds: [refFor("InboundTrunk", "main"), "ST_elsewhere"] } },
    ]);
  });

  it("gives a program the same outputs whether those it did not set are made up front or on first read", async () => {
    // Offline, outputs a program did not set are made on first read (pulumi/resource.ts); both
    // kinds must look the same to the program: given values known, unset ones unknown as in preview.
    const seen = async (lazy: boolean) => {
      const observed: string[] = [];
      const program = () => {
        const trunk = new InboundTrunk("main", { name: "Main", numbers: ["+14155550100"], allowedAddresses: ["192.0.2.1"] });
        trunk.name.apply((name) => void observed.push(`name ${name}`));
        trunk.krispEnabled.apply((krisp) => void observed.push(`krisp ${krisp}`));
        trunk.createdAt.apply((at) => void observed.push(`createdAt ${at}`));
        new DispatchRule("reception", { name: trunk.name.apply((n) => `${n} reception`), rule: { type: "direct", roomName: "lobby" }, trunkIds: [trunk.sipTrunkId] });
        pulumi.all([trunk.numbers, trunk.krispEnabled]).apply(([numbers]) => void observed.push(`numbers ${numbers}`));
        pulumi.all([trunk.numbers, trunk.name]).apply(([numbers, name]) => void observed.push(`numbers ${numbers} of ${name}`));
      };
      if (lazy) await evaluateProgram(program, { project: "demo", stack: "dev" });
      else await seededRun(program);
      return observed.sort();
    };
    const [upFront, onFirstRead] = [await seen(false), await seen(true)];
    expect(onFirstRead).toEqual(upFront);
    expect(upFront).toEqual(["name Main", "numbers +14155550100 of Main"]);
  });

  it("records no stack trace per promise while a program runs, and puts Pulumi's recording back afterwards", async () => {
    const runtime = debuggableModule();
    const original = runtime?.debuggablePromise;
    // If @pulumi/pulumi moves the hook, evaluation still works, only slower: this says so.
    expect(typeof original).toBe("function");
    let during: unknown;
    await withoutPromiseStacks(async () => void (during = runtime?.debuggablePromise));
    expect(during).not.toBe(original);
    expect(runtime?.debuggablePromise).toBe(original);
    const stackless = withoutPromiseStacks(async () => (runtime!.debuggablePromise!(Promise.resolve(1), "ctx") as unknown as { _debugStackTrace?: string })._debugStackTrace);
    expect(await stackless).toBeUndefined();
  });

  it("reads stack config as the engine passes it: bare keys in the project's namespace, encrypted values as secret stand-ins", () => {
    const config = file("Pulumi.dev.yaml", "config:\n  livekit:url: http://x\n  password:\n    secure: v1:abc\n  demo:spec:\n    a: [1, {secure: v1:def}]\n");
    expect(readStackConfig(config, "demo")).toEqual({
      config: { "livekit:url": "http://x", "demo:password": "[secret]", "demo:spec": '{"a":[1,"[secret]"]}' },
      secretKeys: ["demo:password", "demo:spec"],
    });
  });

  it("takes the IDs of managed resources from `pulumi stack export` output", () => {
    const urn = (type: string, name: string) => `urn:pulumi:dev::demo::livekit:sip:TelephonyStack$pulumi-nodejs:dynamic/livekit:${type}::${name}`;
    const state = file(
      "state.json",
      JSON.stringify({
        version: 3,
        deployment: {
          resources: [
            { urn: "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev", type: "pulumi:pulumi:Stack" },
            { urn: urn("InboundTrunk", "telephony-main"), type: "pulumi-nodejs:dynamic/livekit:InboundTrunk", id: "ST_main", custom: true },
            { urn: urn("DispatchRule", "telephony-reception"), type: "pulumi-nodejs:dynamic/livekit:DispatchRule", id: "SDR_reception", custom: true },
          ],
        },
      }),
    );
    expect(readStateIds(state)).toEqual(
      new Map([
        [knownIdKey("InboundTrunk", "telephony-main"), "ST_main"],
        [knownIdKey("DispatchRule", "telephony-reception"), "SDR_reception"],
      ]),
    );
    expect(() => readStateIds(file("other.json", "{}"))).toThrow(/not `pulumi stack export` output/);
  });
});
