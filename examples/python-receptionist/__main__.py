# An AI receptionist: calls to the company number arrive from the SIP provider (Twilio Elastic
# SIP Trunking here), each caller gets a private room, and the receptionist agent joins it.
import json

import pulumi
import pulumi_livekit as livekit

config = pulumi.Config()

trunk = livekit.InboundTrunk(
    "twilio",
    name="Twilio inbound",
    numbers=config.require_object("numbers"),
    # Only the carrier's signalling addresses may send calls, and they must authenticate.
    allowed_addresses=config.require_object("carrierAddresses"),
    auth_username=config.require("trunkUsername"),
    auth_password=config.require_secret("trunkPassword"),
    krisp_enabled=True,
    # G722 gives callers HD voice; PCMU stays as the fallback every carrier supports.
    media=livekit.MediaArgs(codecs=[livekit.MediaCodecArgs(name="G722"), livekit.MediaCodecArgs(name="PCMU")]),
)

receptionist = livekit.DispatchRule(
    "receptionist",
    name="AI receptionist",
    # LiveKit's ID is the resource ID, known to the engine even while the trunk is being updated.
    trunk_ids=[trunk.id],
    rule=livekit.DispatchRuleRuleArgs(type=livekit.DispatchRuleRuleType.INDIVIDUAL, room_prefix="call"),
    krisp_enabled=True,
    room_config=livekit.DispatchRuleRoomConfigArgs(
        agents=[
            livekit.DispatchRuleRoomConfigAgentArgs(
                agent_name=config.get("agentName") or "receptionist",
                metadata=json.dumps({"greeting": "Thanks for calling!"}, separators=(",", ":")),
            )
        ]
    ),
)

pulumi.export("trunkId", trunk.id)
pulumi.export("dispatchRuleId", receptionist.id)
