import { LiveKitApiError, LiveKitTransportError } from "../../src/client/errors";
import { describeFailure } from "../../src/provider/describeError";
import { definitions } from "../../src/resources";

describe("errors from LiveKit", () => {
  it("read <Type> \"<name>\": <LiveKit message> (<code>), with a hint where the cause is known", () => {
    const error = new LiveKitApiError(
      "CreateSIPInboundTrunk",
      400,
      "invalid_argument",
      'Conflicting inbound SIP Trunks: "<new>" and "ST_abc", using the same number(s) ["+14155550100"] without AllowedNumbers set',
    );
    expect(describeFailure(definitions.InboundTrunk, "main", "create", error).message).toBe(
      'InboundTrunk "main": Conflicting inbound SIP Trunks: "<new>" and "ST_abc", using the same number(s) ["+14155550100"] without AllowedNumbers set (invalid_argument). ' +
        "Hint: another inbound trunk already answers these numbers; give one of them distinct allowedNumbers, or remove the number from the other trunk first",
    );
  });

  it("point at the credentials when LiveKit refuses them", () => {
    const error = new LiveKitApiError("ListSIPDispatchRule", 401, "unauthenticated", "permissions denied");
    expect(describeFailure(definitions.DispatchRule, "r", "read", error).message).toMatch(/^DispatchRule "r": permissions denied \(unauthenticated\)\. Hint: check livekit:apiKey/);
  });

  it("say which operation had no answer", () => {
    const error = new LiveKitTransportError("GetSIPOutboundTrunk", new Error("socket hang up"));
    expect(describeFailure(definitions.OutboundTrunk, "out", "read", error).message).toBe(
      'OutboundTrunk "out": read failed: no answer from LiveKit for GetSIPOutboundTrunk: socket hang up',
    );
  });
});
