import { SIPDispatchRuleInfo, SIPInboundTrunkInfo, SIPOutboundTrunkInfo } from "@livekit/protocol";
import { definitions } from "../../src/resources";
import { fullDispatchRule, fullInboundTrunk, fullOutboundTrunk } from "../fixtures/fullArgs";

const cases = [
  { type: "InboundTrunk", message: SIPInboundTrunkInfo, args: fullInboundTrunk },
  { type: "OutboundTrunk", message: SIPOutboundTrunkInfo, args: fullOutboundTrunk },
  { type: "DispatchRule", message: SIPDispatchRuleInfo, args: fullDispatchRule },
] as const;

// Fields that are LiveKit's output (ID, timestamps) or a deprecated alias of media.encryption.
const notArguments = new Set(["sipTrunkId", "sipDispatchRuleId", "createdAt", "updatedAt", "mediaEncryption"]);

describe.each(cases)("$type schema", ({ type, message, args }) => {
  const definition = definitions[type];

  it("has an argument for every field of LiveKit's message, under LiveKit's JSON name", () => {
    const livekitFields = message.fields.list().map((f) => f.jsonName).filter((name) => !notArguments.has(name));
    expect(Object.keys(definition.schema.fields).sort()).toEqual(livekitFields.sort());
  });

  it("accepts the full fixture", () => {
    expect(definition.schema.zod.safeParse(args).error?.issues ?? []).toEqual([]);
  });

  it("loses nothing from args to LiveKit's message and back", () => {
    const wire = definition.schema.toWire(args as never);
    const echoed = message.fromJson(wire as never).toJson({ emitDefaultValues: true });
    expect(definition.schema.fromWire(echoed)).toEqual(args);
  });

  it("sets every field of LiveKit's message to a non-default value", () => {
    const decoded = message.fromJson(definition.schema.toWire(args as never) as never).toJson() as Record<string, unknown>;
    const argumentFields = message.fields.list().map((f) => f.jsonName).filter((name) => !notArguments.has(name));
    expect(argumentFields.filter((name) => decoded[name] === undefined)).toEqual([]);
  });
});
