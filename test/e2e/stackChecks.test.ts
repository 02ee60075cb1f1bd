import { DispatchRule, InboundTrunk, TelephonyStack } from "../../src";
import { CheckFailedError, MiniEngine } from "../harness/engine";
import { preparePackedProject } from "../harness/fixtureProject";

let engine: MiniEngine;
beforeAll(async () => {
  engine = new MiniEngine({ cwd: (await preparePackedProject()).dir, project: "checks", stack: "dev" });
});
const offline = { config: { "livekit:url": "http://127.0.0.1:1", "livekit:apiKey": "k", "livekit:apiSecret": "s" }, secretKeys: ["livekit:apiSecret"] };

async function previewFailures(program: () => void): Promise<{ property: string; reason: string }[]> {
  try {
    await engine.preview(program, offline);
  } catch (e) {
    if (e instanceof CheckFailedError) return (e as CheckFailedError & { failures: { property: string; reason: string }[] }).failures;
    throw e;
  }
  return [];
}

describe("stack-wide checks in a code-first program, during preview", () => {
  it("two rules sharing a pin on one new trunk fail, naming both rules", async () => {
    const failures = await previewFailures(() => {
      const trunk = new InboundTrunk("office", { numbers: ["+14155550100"], allowedAddresses: ["192.0.2.1"] });
      new DispatchRule("sales", { trunkIds: [trunk.sipTrunkId], rule: { type: "direct", roomName: "sales", pin: "1234" } });
      new DispatchRule("support", { trunkIds: [trunk.sipTrunkId], rule: { type: "direct", roomName: "support", pin: "1234" } });
    });
    expect(failures).toEqual([
      {
        property: "rule.pin",
        reason: expect.stringContaining('pin "1234" on trunk "office" (any caller, any called number) is already used by dispatch rule "sales"'),
      },
    ]);
  });

  it("different pins, or different trunks, pass", async () => {
    await expect(
      previewFailures(() => {
        const a = new InboundTrunk("a", { numbers: ["+14155550100"], allowedAddresses: ["192.0.2.1"] });
        const b = new InboundTrunk("b", { numbers: ["+14155550101"], allowedAddresses: ["192.0.2.1"] });
        new DispatchRule("one", { trunkIds: [a.sipTrunkId], rule: { type: "direct", roomName: "x", pin: "1234" } });
        new DispatchRule("two", { trunkIds: [b.sipTrunkId], rule: { type: "direct", roomName: "y", pin: "1234" } });
        new DispatchRule("three", { trunkIds: [a.sipTrunkId], rule: { type: "direct", roomName: "z", pin: "9999" } });
      }),
    ).resolves.toEqual([]);
  });

  it("a rule without trunks conflicts with another rule without trunks", async () => {
    const failures = await previewFailures(() => {
      new DispatchRule("any-1", { rule: { type: "individual", roomPrefix: "a" } });
      new DispatchRule("any-2", { rule: { type: "callee", roomPrefix: "b" } });
    });
    expect(failures).toEqual([expect.objectContaining({ reason: expect.stringContaining('no pin on every trunk (any caller, any called number) is already used by dispatch rule "any-1"') })]);
  });

  it("two trunks answering the same number, spelled differently, fail", async () => {
    const failures = await previewFailures(() => {
      new InboundTrunk("twilio", { numbers: ["+14155550100"], allowedAddresses: ["192.0.2.1"] });
      new InboundTrunk("telnyx", { numbers: ["+1 415-555-0100"], allowedAddresses: ["192.0.2.2"] });
    });
    expect(failures).toEqual([
      { property: "numbers", reason: expect.stringContaining('+14155550100 is already answered by inbound trunk "twilio"') },
    ]);
  });
});

describe("stack-wide checks with trunks and rules declared in stack config", () => {
  it("two rules sharing a pin on one trunk fail before anything is registered, naming both rules", async () => {
    const spec = {
      inboundTrunks: { main: { numbers: ["+14155550100"], allowedAddresses: ["192.0.2.1"] } },
      dispatchRules: {
        sales: { trunks: ["main"], rule: { type: "direct" as const, roomName: "sales", pin: "1234" } },
        support: { trunks: ["main"], rule: { type: "direct" as const, roomName: "support", pin: "1234" } },
      },
    };
    await expect(
      engine.preview(() => {
        new TelephonyStack("dev", { spec });
      }, { ...offline, config: { ...offline.config, "checks:telephony": JSON.stringify(spec) } }),
    ).rejects.toThrow(/dispatchRules\.support\.rule\.pin: pin "1234" on trunk main .*already used by dispatch rule "sales"/);
    expect(engine.steps.filter((s) => s.op !== "check")).toEqual([]);
  });
});

