import type { Message } from "@bufbuild/protobuf";
import {
  CreateSIPDispatchRuleRequest,
  CreateSIPInboundTrunkRequest,
  CreateSIPOutboundTrunkRequest,
  DeleteSIPDispatchRuleRequest,
  DeleteSIPTrunkRequest,
  GetSIPInboundTrunkRequest,
  ListSIPDispatchRuleRequest,
  ListSIPInboundTrunkRequest,
  ListSIPOutboundTrunkRequest,
  UpdateSIPDispatchRuleRequest,
  UpdateSIPInboundTrunkRequest,
} from "@livekit/protocol";
import fc from "fast-check";
import { ENCODINGS, rpc, type Encoding } from "../emulator/support/rpc";
import { useLiveKit } from "./target";

/**
 * Property-generated sequences of creates, updates, gets, lists and deletes over a few overlapping
 * numbers, pins and trunk sets, each sent to LiveKit's real server and to the emulator (through the
 * differential proxy) in a random wire encoding: every answer must be the same. Seeded and bounded.
 */

jest.setTimeout(600_000);

const SEQUENCES = Number(process.env.DIFFERENTIAL_SEQUENCES ?? 300);
const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20261203);

const number = fc.constantFrom("+14155550100", "14155550100", "+1 415-555-0100", "+14155550101", "+442071838750");
const numbers = fc.uniqueArray(number, { maxLength: 2 });
const pin = fc.constantFrom("", "1234", "99");
/** An index into the objects created so far; past the end means an ID LiveKit never gave. */
const ref = fc.nat({ max: 5 });
const encoding = fc.constantFrom(...ENCODINGS);
const ruleKind = fc.constantFrom("dispatchRuleDirect", "dispatchRuleIndividual", "dispatchRuleCallee");

const command = fc.oneof(
  fc.record({ op: fc.constant("createInbound" as const), numbers, allowedNumbers: numbers, encoding }),
  fc.record({ op: fc.constant("createOutbound" as const), numbers, encoding }),
  fc.record({ op: fc.constant("createRule" as const), trunks: fc.array(ref, { maxLength: 2 }), pin, numbers, inboundNumbers: numbers, kind: ruleKind, legacy: fc.boolean(), encoding }),
  fc.record({ op: fc.constant("updateInboundNumbers" as const), target: ref, numbers, encoding }),
  fc.record({ op: fc.constant("replaceInbound" as const), target: ref, numbers, name: fc.constantFrom("", "renamed"), encoding }),
  fc.record({ op: fc.constant("updateRuleTrunks" as const), target: ref, trunks: fc.array(ref, { maxLength: 2 }), encoding }),
  fc.record({ op: fc.constant("replaceRule" as const), target: ref, trunks: fc.array(ref, { maxLength: 2 }), pin, kind: ruleKind, encoding }),
  fc.record({ op: fc.constant("getInbound" as const), target: ref, encoding }),
  fc.record({
    op: fc.constant("list" as const),
    kind: fc.constantFrom("inbound", "outbound", "rule"),
    ids: fc.array(ref, { maxLength: 2 }),
    numbers,
    limit: fc.constantFrom(0, 1, 2),
    after: fc.option(ref, { nil: undefined }),
    encoding,
  }),
  fc.record({ op: fc.constant("delete" as const), kind: fc.constantFrom("trunk", "rule"), target: ref, encoding }),
);

type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

const livekit = useLiveKit();

/** Runs one sequence, tracking the IDs LiveKit gives, and returns how many requests it made. */
async function runSequence(commands: Command[]): Promise<number> {
  const trunks: string[] = [];
  const rules: string[] = [];
  const pick = (ids: string[], i: number, missing: string) => ids[i] ?? missing;
  const trunkIds = (refs: number[]) => refs.map((i) => pick(trunks, i, `ST_missing${String(i).padStart(5, "0")}`));
  const ruleBody = (kind: string, p: string) =>
    ({ case: kind, value: kind === "dispatchRuleDirect" ? { roomName: "room", pin: p } : { roomPrefix: "call", pin: p } }) as never;
  const send = async (method: string, request: Message, enc: Encoding) => rpc(livekit().url, method, request, enc);
  let requests = 0;
  for (const c of commands) {
    requests++;
    switch (c.op) {
      case "createInbound": {
        const res = await send("CreateSIPInboundTrunk", new CreateSIPInboundTrunkRequest({ trunk: { name: "in", numbers: c.numbers, allowedNumbers: c.allowedNumbers } }), c.encoding);
        const id = (res.message as { sipTrunkId?: string } | undefined)?.sipTrunkId;
        if (id) trunks.push(id);
        break;
      }
      case "createOutbound": {
        const res = await send("CreateSIPOutboundTrunk", new CreateSIPOutboundTrunkRequest({ trunk: { name: "out", address: "sip.example.com", numbers: c.numbers } }), c.encoding);
        const id = (res.message as { sipTrunkId?: string } | undefined)?.sipTrunkId;
        if (id) trunks.push(id);
        break;
      }
      case "createRule": {
        const request = c.legacy
          ? new CreateSIPDispatchRuleRequest({ rule: { rule: ruleBody(c.kind, c.pin) }, trunkIds: trunkIds(c.trunks), inboundNumbers: c.inboundNumbers, name: "rule" })
          : new CreateSIPDispatchRuleRequest({
              dispatchRule: { rule: { rule: ruleBody(c.kind, c.pin) }, trunkIds: trunkIds(c.trunks), inboundNumbers: c.inboundNumbers, numbers: c.numbers, name: "rule" },
            });
        const res = await send("CreateSIPDispatchRule", request, c.encoding);
        const id = (res.message as { sipDispatchRuleId?: string } | undefined)?.sipDispatchRuleId;
        if (id) rules.push(id);
        break;
      }
      case "updateInboundNumbers":
        await send(
          "UpdateSIPInboundTrunk",
          new UpdateSIPInboundTrunkRequest({ sipTrunkId: pick(trunks, c.target, "ST_missing00000"), action: { case: "update", value: { numbers: { set: c.numbers } } } }),
          c.encoding,
        );
        break;
      case "replaceInbound":
        await send(
          "UpdateSIPInboundTrunk",
          new UpdateSIPInboundTrunkRequest({ sipTrunkId: pick(trunks, c.target, "ST_missing00000"), action: { case: "replace", value: { name: c.name, numbers: c.numbers } } }),
          c.encoding,
        );
        break;
      case "updateRuleTrunks":
        await send(
          "UpdateSIPDispatchRule",
          new UpdateSIPDispatchRuleRequest({ sipDispatchRuleId: pick(rules, c.target, "SDR_missing0000"), action: { case: "update", value: { trunkIds: { set: trunkIds(c.trunks) } } } }),
          c.encoding,
        );
        break;
      case "replaceRule":
        await send(
          "UpdateSIPDispatchRule",
          new UpdateSIPDispatchRuleRequest({
            sipDispatchRuleId: pick(rules, c.target, "SDR_missing0000"),
            action: { case: "replace", value: { rule: { rule: ruleBody(c.kind, c.pin) }, trunkIds: trunkIds(c.trunks), name: "replaced" } },
          }),
          c.encoding,
        );
        break;
      case "getInbound":
        await send("GetSIPInboundTrunk", new GetSIPInboundTrunkRequest({ sipTrunkId: pick(trunks, c.target, "ST_missing00000") }), c.encoding);
        break;
      case "list": {
        const page = c.limit || c.after !== undefined ? { limit: c.limit, afterId: c.after === undefined ? "" : pick(c.kind === "rule" ? rules : trunks, c.after, "") } : undefined;
        if (c.kind === "rule") {
          await send("ListSIPDispatchRule", new ListSIPDispatchRuleRequest({ dispatchRuleIds: c.ids.map((i) => pick(rules, i, "SDR_missing0000")), trunkIds: trunkIds(c.ids), page }), c.encoding);
        } else {
          const Request = c.kind === "inbound" ? ListSIPInboundTrunkRequest : ListSIPOutboundTrunkRequest;
          await send(c.kind === "inbound" ? "ListSIPInboundTrunk" : "ListSIPOutboundTrunk", new Request({ trunkIds: trunkIds(c.ids), numbers: c.numbers, page }), c.encoding);
        }
        break;
      }
      case "delete":
        if (c.kind === "trunk") {
          await send("DeleteSIPTrunk", new DeleteSIPTrunkRequest({ sipTrunkId: pick(trunks, c.target, "ST_missing00000") }), c.encoding);
        } else {
          await send("DeleteSIPDispatchRule", new DeleteSIPDispatchRuleRequest({ sipDispatchRuleId: pick(rules, c.target, "SDR_missing0000") }), c.encoding);
        }
        break;
    }
  }
  return requests;
}

it(`${SEQUENCES} generated sequences get the same answers from the emulator and LiveKit`, async () => {
  let sequences = 0;
  let requests = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
      await livekit().reset();
      requests += await runSequence(commands);
      sequences++;
      livekit().check();
    }),
    { numRuns: SEQUENCES, seed: SEED, endOnFailure: true },
  );
  console.log(`differential sequences: ${sequences} sequences, ${requests} requests against ${livekit().name}, seed ${SEED}`);
  expect(sequences).toBeGreaterThanOrEqual(SEQUENCES);
});
