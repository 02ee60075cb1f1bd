// The LiveKit telephony policy pack. The policies themselves live in the package
// (pulumi-livekit-sip/policy, src/policy/ in its repository), where unit tests check each one.
"use strict";
const { PolicyPack } = require("@pulumi/policy");
const { POLICY_PACK_NAME, policyPackArgs } = require("pulumi-livekit-sip/policy");

new PolicyPack(POLICY_PACK_NAME, policyPackArgs());
