/**
 * LiveKit's own rules for SIP trunks and dispatch rules, reproduced from its public source:
 * pure functions, usable for preview-time checks, routing simulation and the local emulator.
 */
export * from "./accessToken";
export * from "./countryCodes";
export * from "./dispatchRule";
export * from "./dispatchRuleConflicts";
export * from "./fieldUpdates";
export * from "./goQuote";
export * from "./headers";
export * from "./ids";
export * from "./inboundTrunkConflicts";
export * from "./listFilters";
export * from "./listUpdate";
export * from "./media";
export * from "./numbers";
export * from "./participantValidation";
export * from "./trunkValidation";
export * from "./twirp";
export type * from "./types";
export * from "./walkOrder";
