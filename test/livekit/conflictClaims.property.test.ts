import fc from "fast-check";
import { LiveKitApiError } from "../../src/client/errors";
import { TwirpSipApi } from "../../src/client/twirpSipApi";
import { ruleConflicts, trunkConflicts } from "../../src/livekit/conflictClaims";
import { useLiveKit } from "../differential/target";

/**
 * Preview's stack-wide conflict checks against LiveKit's rules: for random sets of trunks and
 * rules, preview refuses a set exactly when applying it would fail, and names the resource whose
 * create LiveKit would refuse first. The `suite` project runs this against the emulator, the
 * `differential` project against LiveKit's real server (with the emulator compared beside it).
 */
const livekit = useLiveKit();
let api: TwirpSipApi;
beforeAll(() => {
  const { url, apiKey, apiSecret } = livekit();
  api = new TwirpSipApi({ url, apiKey, apiSecret });
});

// Few values, several spellings of the same number, so that collisions are frequent.
const number = fc.constantFrom("+14155550100", "14155550100", "+1 415-555-0100", "+14155550101", "+442071838750");
const numbers = fc.uniqueArray(number, { maxLength: 2 });
const pin = fc.constantFrom("", "1234", "99");

/** The name of the first resource whose create LiveKit refuses as a conflict, applying in order. */
async function firstRefused<T extends { name: string }>(items: T[], create: (item: T, i: number) => Promise<unknown>): Promise<string | undefined> {
  await livekit().reset();
  let refused: string | undefined;
  for (const [i, item] of items.entries()) {
    try {
      await create(item, i);
    } catch (e) {
      if (!(e instanceof LiveKitApiError && e.code === "invalid_argument")) throw e;
      refused = item.name;
      break;
    }
  }
  livekit().check();
  return refused;
}

it("inbound trunks: preview refuses exactly the sets LiveKit refuses", async () => {
  const trunk = fc.record({ numbers, allowedNumbers: numbers });
  await fc.assert(
    fc.asyncProperty(fc.array(trunk, { minLength: 1, maxLength: 5 }), async (generated) => {
      const trunks = generated.map((t, i) => ({ ...t, name: `t${i}` }));
      const previewed = trunkConflicts(trunks)[0]?.name;
      const applied = await firstRefused(trunks, (t) =>
        api.call("CreateSIPInboundTrunk", { trunk: { name: t.name, numbers: t.numbers, allowedNumbers: t.allowedNumbers, allowedAddresses: ["192.0.2.1"] } }),
      );
      expect(previewed).toBe(applied);
    }),
    { numRuns: 150, seed: 20261121 },
  );
});

it("dispatch rules: preview refuses exactly the sets LiveKit refuses", async () => {
  const trunkIds = ["ST_aaaaaaaaaaaa", "ST_bbbbbbbbbbbb", "ST_cccccccccccc"];
  const rule = fc.record({
    trunks: fc.array(fc.constantFrom(...trunkIds), { maxLength: 2 }),
    pin,
    inboundNumbers: numbers,
    numbers,
    kind: fc.constantFrom("dispatchRuleDirect", "dispatchRuleIndividual", "dispatchRuleCallee"),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(rule, { minLength: 1, maxLength: 5 }), async (generated) => {
      const rules = generated.map((r, i) => ({ ...r, name: `r${i}` }));
      const previewed = ruleConflicts(rules)[0]?.name;
      const applied = await firstRefused(rules, (r) =>
        api.call("CreateSIPDispatchRule", {
          dispatchRule: {
            name: r.name,
            trunkIds: r.trunks,
            inboundNumbers: r.inboundNumbers,
            numbers: r.numbers,
            rule: { [r.kind]: r.kind === "dispatchRuleDirect" ? { roomName: "room", pin: r.pin } : { roomPrefix: "p", pin: r.pin } },
          },
        }),
      );
      expect(previewed).toBe(applied);
    }),
    { numRuns: 150, seed: 20261121 },
  );
});
