import { z } from "zod";
import { RoomEgress } from "@livekit/protocol";
import { choice, count, dictionary, flag, maxListLength, message, refined, refuseCharacters, required, strings, text } from "../../schema/field";
import { listOf, object, oneOf } from "../../schema/composite";
import { phoneNumbers, pin } from "../../schema/checked";
import { media, mediaWarnings } from "../../schema/media";
import { isNotFound } from "../../client/errors";
import { ruleClaims, type RuleShape } from "../../livekit/conflictClaims";
import { ResourceDefinition } from "../definition";

const agent = object("An agent LiveKit dispatches into the room (`RoomAgentDispatch`).", {
  agentName: required(
    text("Name of the registered agent to dispatch.", {
      // An agent registered without a name is dispatched to every room automatically: an entry
      // with an empty name dispatches nothing more and usually means a config value went missing.
      zod: z
        .string()
        .max(256)
        .refine((v) => v !== "", { message: "is empty: give the agent_name the agent registered with (agents without a name join every room automatically and need no entry)" })
        .superRefine(refuseCharacters()),
    }),
  ),
  metadata: text("Job metadata passed to the agent.", { max: 65_536, multiline: true }),
  restartPolicy: choice("Whether a failed agent job is restarted.", { "on-failure": "JRP_ON_FAILURE", never: "JRP_NEVER" }),
  deployment: text("Agent deployment to target."),
  attributes: dictionary("Attributes of the agent participant."),
});

const roomConfig = object("Settings for rooms the rule creates (`RoomConfiguration`), including agent dispatch.", {
  name: text("Room name override."),
  emptyTimeout: count("Seconds an empty room is kept open."),
  departureTimeout: count("Seconds a room is kept after the last participant leaves."),
  maxParticipants: count("Participant limit; 0 means no limit."),
  metadata: text("Room metadata.", { max: 65_536, multiline: true }),
  egress: message("Automatic egress (`RoomEgress` in LiveKit's JSON form).", RoomEgress),
  minPlayoutDelay: count("Minimum playout delay in milliseconds."),
  maxPlayoutDelay: count("Maximum playout delay in milliseconds."),
  syncStreams: flag("Synchronise audio and video of each participant."),
  agents: listOf("Agents dispatched when the room is created.", agent, { max: 32 }),
  tags: dictionary("Room tags."),
});

/** Trunk IDs are LiveKit IDs; during preview they may still be unknown, which is checked later. */
const trunkIds = refined(
  strings("Inbound trunks the rule applies to (their `sipTrunkId`). Empty: every trunk.", { ordered: false }),
  z
    .array(z.string().regex(/^ST_[A-Za-z0-9]+$/, { message: "is not an inbound trunk ID (ST_…); pass the trunk's sipTrunkId output" }))
    .max(maxListLength),
);

export const dispatchRuleSchema = object("A dispatch rule (`SIPDispatchRuleInfo`): which room an inbound call joins.", {
  rule: required(
    oneOf("How the room is chosen.", {
      direct: { wire: "dispatchRuleDirect", fields: { roomName: required(text("The one room every call joins.")), pin: pin() } },
      individual: {
        wire: "dispatchRuleIndividual",
        fields: {
          roomPrefix: text("Prefix of the per-caller room name (`<prefix>_<caller>_<random>`)."),
          pin: pin(),
          noRandomness: flag("Omit the random suffix, so a caller always gets the same room."),
        },
      },
      callee: {
        wire: "dispatchRuleCallee",
        fields: {
          roomPrefix: text("Prefix of the per-called-number room name (`<prefix>_<called number>`)."),
          pin: pin(),
          randomize: flag("Add a random suffix, so every call gets its own room."),
        },
      },
    }),
  ),
  trunkIds,
  hidePhoneNumber: flag("Hide the caller's number from the room (identity and attributes are masked)."),
  inboundNumbers: phoneNumbers("Caller numbers the rule applies to (compared exactly at call time). Empty: any caller."),
  numbers: phoneNumbers("Called numbers the rule applies to (compared exactly at call time). Empty: any called number."),
  name: text("Human-readable name."),
  metadata: text("Metadata of the SIP participant.", { max: 65_536, multiline: true }),
  attributes: dictionary("Attributes of the SIP participant."),
  roomPreset: text("Name of a room preset configured in LiveKit Cloud."),
  roomConfig,
  media,
  krispEnabled: flag("Krisp noise cancellation for calls matched by this rule (on if the trunk or the rule enables it)."),
});

export const dispatchRule: ResourceDefinition<typeof dispatchRuleSchema.fields> = {
  type: "DispatchRule",
  noun: "dispatch rule",
  idField: "sipDispatchRuleId",
  schema: dispatchRuleSchema,
  warnings: (args) => [
    ...mediaWarnings(args.media),
    ...(args.hidePhoneNumber && args.rule.type === "individual"
      ? [
          "hidePhoneNumber with an individual rule names rooms after the caller's last 4 digits, so different callers can share a room" +
            (args.rule.noRandomness ? " (noRandomness is set: they will)" : ""),
        ]
      : []),
  ],
  conflicts: {
    claims: ruleClaims,
    reads: ["trunkIds", "rule", "inboundNumbers", "numbers"],
    shape: (args, name, id): RuleShape => ({ name, id, trunks: args.trunkIds, pin: args.rule?.pin ?? "", inboundNumbers: args.inboundNumbers, numbers: args.numbers }),
  },
  creationMark: "name",
  livekit: {
    // The SDK's createSipDispatchRule sends the legacy top-level form, which has no numbers, media
    // or krisp fields; the `dispatchRule` form carries every field.
    create: (api, dispatchRule) => api.call("CreateSIPDispatchRule", { dispatchRule }),
    replace: (api, sipDispatchRuleId, replace) => api.call("UpdateSIPDispatchRule", { sipDispatchRuleId, replace }),
    // There is no Get for rules; a list filtered by ID is the lookup LiveKit offers.
    get: async (api, id) => {
      const { items } = await api.call("ListSIPDispatchRule", { dispatchRuleIds: [id] });
      return items.find((item) => item?.sipDispatchRuleId === id);
    },
    list: async (api) => (await api.call("ListSIPDispatchRule", {})).items,
    remove: async (api, sipDispatchRuleId) => {
      try {
        await api.call("DeleteSIPDispatchRule", { sipDispatchRuleId });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    },
  },
};
