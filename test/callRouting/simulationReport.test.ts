import { renderSimulationMarkdown, renderSimulationText, simulateCall } from "../../src/callRouting";
import { BOARD_LINE, conferenceLines, RECEPTION_NUMBER, receptionist } from "./setups";

/** Expected renderings, written out in full and checked by eye. */

describe("a simulated call for a reader", () => {
  it("as text: a room behind a hidden number, with every step and the masked identity", () => {
    const result = simulateCall(receptionist, { calledNumber: RECEPTION_NUMBER, callerNumber: "+15105551234", sourceIp: "54.172.60.1" });
    expect(renderSimulationText(result).split("\n")).toEqual([
      "SIMULATED CALL",
      "  Lands in room call_1234_<random> with agent receptionist-agent (trunk reception, rule receptionist).",
      "  To +14155550100 from +15105551234; source IP 54.172.60.1; From host none given; pin none entered.",
      "",
      "Trunk",
      "  reception (ST_reception) takes the call, digest auth required (user twilio). Matched: a trunk listing the number.",
      "  Trunk                     Verdict",
      "  ------------------------  --------------------------------------------------",
      "  reception (ST_reception)  lists the called number; caller and source allowed",
      "",
      "Dispatch rules, in LiveKit's order",
      "  #  Rule                             Applies to  Priority  Verdict",
      "  -  -------------------------------  ----------  --------  -------",
      "  1  receptionist (SDR_receptionist)  this trunk  2101      wins",
      "",
      "Room",
      "  Setting               Value",
      "  --------------------  --------------------",
      "  Room                  call_1234_<random>",
      "  Participant identity  sip_06a7b34429855751",
      "  Participant name      Phone 1234",
      "  Agents                receptionist-agent",
      "  Krisp                 on",
      "  Codecs                defaults",
      "  Encryption            allow",
      "",
      "Participant attributes",
      "  Attribute    Value",
      "  -----------  ----------------",
      "  sip.callID   <call-id>",
      "  sip.trunkID  ST_reception",
      "  sip.ruleID   SDR_receptionist",
      "",
      "Notes",
      "  - Krisp is requested, but the OSS SIP service has no media processor, so only LiveKit Cloud applies it.",
      "",
    ]);
  });

  it("as markdown: a wrong pin, each rule with why it lost, the digits never shown", () => {
    const result = simulateCall(conferenceLines, { calledNumber: BOARD_LINE, callerNumber: "+15105551234", pin: "9999" });
    expect(renderSimulationMarkdown(result)).toBe(
      [
        "## Simulated call",
        "Rejected as a wrong pin (trunk `conference`).",
        "To `+14155550123` from `+15105551234`; source IP none given; From host none given; pin entered (4 digits).",
        "### Trunk",
        "`conference` (`trunk:conference`) takes the call, digest auth required (user `carrier`). Matched: a trunk listing the number.",
        "| Trunk | Verdict |\n|---|---|\n| `conference` (`trunk:conference`) | lists the called number; caller and source allowed |",
        "### Dispatch rules, in LiveKit's order",
        [
          "| # | Rule | Applies to | Priority | Verdict |",
          "|---|---|---|---|---|",
          "| 1 | `all-hands` (`rule:all-hands`) | this trunk | 1000 | called number not in its numbers |",
          "| 2 | `board` (`rule:board`) | this trunk | 1000 | has another pin |",
          "| 3 | `lobby` (`rule:lobby`) | this trunk | 2100 | has no pin; the caller entered one |",
        ].join("\n"),
        "### Notes",
        "- No source IP given: LiveKit skips allowed_addresses when the source does not parse, so address filters were not applied.",
      ].join("\n\n") + "\n",
    );
  });

  it("shows the media a pin prompt already fixes, and empty attributes as such", () => {
    const prompt = renderSimulationText(simulateCall(conferenceLines, { calledNumber: BOARD_LINE, callerNumber: "+15105551234" }));
    expect(prompt).toContain("Media\n  Setting     Value\n  ----------  --------\n  Krisp       off\n  Codecs      defaults\n  Encryption  disable\n");
    const open = renderSimulationMarkdown(simulateCall(conferenceLines, { calledNumber: BOARD_LINE, callerNumber: "+15105551234", noPin: true }));
    expect(open).toContain("| `sip.hostname` | (empty) |");
  });
});
