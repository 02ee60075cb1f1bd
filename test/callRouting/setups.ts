import type { RoutingConfig } from "../../src/callRouting";
import { agents, direct, individual, rule, trunk } from "./builders";

/** Realistic configurations shared by the plan and diff tests. */

export const RECEPTION_NUMBER = "+14155550100";

/** An inbound AI receptionist: one carrier trunk, a room per caller with the receptionist agent. */
export const receptionist: RoutingConfig = {
  trunks: [
    trunk("ST_reception", {
      name: "reception",
      numbers: [RECEPTION_NUMBER],
      allowedAddresses: ["54.172.60.0/30", "54.244.51.0/30"],
      authUsername: "twilio",
      authPassword: "correct-horse-battery",
      krispEnabled: true,
      media: { encryption: "SIP_MEDIA_ENCRYPT_ALLOW" },
    }),
  ],
  rules: [
    rule("SDR_receptionist", individual("call"), {
      name: "receptionist",
      trunkIds: ["ST_reception"],
      hidePhoneNumber: true,
      roomConfig: agents("receptionist-agent"),
    }),
  ],
};

export const BOARD_LINE = "+14155550123";
export const ALL_HANDS_LINE = "+14155550124";

/** Pin-protected conference lines sharing one trunk, with an open lobby for callers without a pin. */
export const conferenceLines: RoutingConfig = {
  trunks: [trunk("trunk:conference", { name: "conference", numbers: [BOARD_LINE, ALL_HANDS_LINE], authUsername: "carrier", authPassword: "pw-9f8e" })],
  rules: [
    rule("rule:board", direct("board-meeting", "4321"), { name: "board", trunkIds: ["trunk:conference"], numbers: [BOARD_LINE] }),
    rule("rule:all-hands", direct("all-hands", "1111"), {
      name: "all-hands",
      trunkIds: ["trunk:conference"],
      numbers: [ALL_HANDS_LINE],
      roomConfig: agents("note-taker"),
      media: { codecs: [{ name: "PCMU", rate: 8000 }], onlyListedCodecs: true },
    }),
    rule("rule:lobby", direct("lobby"), { name: "lobby", trunkIds: ["trunk:conference"] }),
  ],
};
