import * as pulumi from "@pulumi/pulumi";
import { DispatchRule, PhoneNumber } from "pulumi-livekit-sip";

// A LiveKit Phone Number needs no SIP trunk: LiveKit sells the number and sends its calls straight
// to the dispatch rule assigned to it. Every caller gets a room of their own with the agent in it.
const config = new pulumi.Config();
const wanted = config.get("phoneNumber");

const agentLine = new DispatchRule("agent-line", {
  name: "Agent line (LiveKit Phone Number)",
  rule: { type: "individual", roomPrefix: "agent" },
  attributes: { line: "agent" },
  roomConfig: { agents: [{ agentName: config.get("agentName") ?? "phone-agent" }] },
});

const number = new PhoneNumber(
  "main-line",
  {
    // A given number is bought as is. Otherwise a search picks the first number for sale, once:
    // editing the search later keeps the number (and warns); only a new phoneNumber changes it.
    ...(wanted ? { phoneNumber: wanted } : { countryCode: config.get("countryCode") ?? "US", areaCode: config.get("areaCode") }),
    // Moving the number to another rule is an in-place update: callers keep dialling the same number.
    sipDispatchRuleId: agentLine.sipDispatchRuleId,
  },
  // Deleting this resource, or naming another phoneNumber, releases the number, possibly for good.
  // protect makes Pulumi refuse both; add retainOnDelete: true to keep the number in LiveKit when
  // the resource leaves the program.
  { protect: config.getBoolean("protect") ?? true },
);

export const phoneNumber = number.phoneNumber;
export const phoneNumberId = number.phoneNumberId;
export const status = number.status;
export const dispatchRuleId = agentLine.sipDispatchRuleId;
