import { goQuote } from "../../livekit/goQuote";
import { TwirpError, type LiveKitError } from "../../livekit/twirp";
import { summarizeCodecs } from "../match/codecs";
import { MAX_PIN_DIGITS } from "../match/dtmfPins";
import { evaluateDispatchRule, type RoomDetails } from "../match/evaluate";
import { assignedRules, livekitNumberFor, numberRef } from "../match/livekitNumbers";
import { parseIpAddress } from "../match/ipAddress";
import type { EffectiveMedia } from "../match/mediaMerge";
import { ruleRef, trunkRef, type ObjectRef } from "../refs";
import { matchDispatchRule, type RuleDropReason } from "../match/ruleMatch";
import type { RuleScope } from "../match/rulePriority";
import { PLACEHOLDER, summarizeRule, type RuleSummary } from "../match/ruleSummary";
import { matchTrunk, type TrunkMatchType, type TrunkSkipReason } from "../match/trunkMatch";
import type { RoutingConfig, RoutingTrunk } from "../types";

/**
 * One inbound call through LiveKit's routing, step by step: source address check, trunk
 * selection, auth, dispatch-rule selection, then the rule's evaluation (research notes §4).
 */

export interface SimulatedCall {
  readonly calledNumber: string;
  readonly callerNumber: string;
  /** Without one, LiveKit cannot apply `allowed_addresses` (an empty source never parses). */
  readonly sourceIp?: string;
  /** From host; hostname entries of `allowed_addresses` are compared with it. */
  readonly callerHost?: string;
  /** Digits entered at the pin prompt. */
  readonly pin?: string;
  /** The caller pressed `#` at the pin prompt without digits. */
  readonly noPin?: boolean;
  readonly callId?: string;
}

export interface SimulationOptions {
  /** Shown in place of LiveKit's random room suffix; default `<random>`. */
  readonly randomSuffix?: string;
}

/**
 * - `room`: the caller joins a room;
 * - `request-pin`: LiveKit asks for a pin (simulate again with `pin` or `noPin`);
 * - `wrong-pin`: the pin (or `#` alone) matched nothing; LiveKit plays "wrong pin" and hangs up;
 * - `no-rule`: no rule matched; LiveKit drops the call silently;
 * - `error`: LiveKit fails the call with SIP 503 (conflicting configuration, bad source).
 */
export type CallOutcome = "room" | "request-pin" | "wrong-pin" | "no-rule" | "error";

export interface TrunkVerdictView {
  readonly trunk: ObjectRef;
  readonly status: "selected" | "default" | "conflict" | "skipped";
  readonly reason?: TrunkSkipReason;
}

export interface RuleVerdictView {
  readonly rule: ObjectRef;
  readonly scope: RuleScope;
  readonly priority: number;
  readonly won: boolean;
  readonly reason?: RuleDropReason;
}

/** Digest auth (SIP 407) when the trunk has both a user name and a password. Never the password. */
export interface AuthView {
  readonly required: boolean;
  readonly username?: string;
  readonly realm?: string;
}

export interface RoutingErrorView {
  readonly stage: "source" | "trunk" | "rules" | "evaluation";
  readonly code: string;
  readonly message: string;
}

export interface SimulationResult {
  readonly outcome: CallOutcome;
  readonly call: Required<SimulatedCall>;
  /** The LiveKit Phone Number called, which takes the place of a trunk. */
  readonly phoneNumber?: ObjectRef;
  readonly trunk: { readonly matched?: ObjectRef; readonly matchType?: TrunkMatchType; readonly verdicts: readonly TrunkVerdictView[] };
  readonly auth: AuthView;
  /** Every rule, in the order LiveKit ranks them for this call, with why each lost. */
  readonly rules: readonly RuleVerdictView[];
  /** The winning rule (also for `request-pin`: the rule whose pin is asked for). */
  readonly rule?: RuleSummary;
  readonly room?: RoomDetails;
  readonly krisp?: boolean;
  readonly media?: EffectiveMedia;
  readonly error?: RoutingErrorView;
  /** What the simulation could not know or what differs on LiveKit Cloud. */
  readonly notes: readonly string[];
}

const NOTES = {
  noSource: "No source IP given: LiveKit skips allowed_addresses when the source does not parse, so address filters were not applied.",
  noTrunk:
    "No trunk matched. OSS LiveKit still accepts the call and only dispatch rules without trunk_ids apply; " +
    'LiveKit Cloud may reject it with 404 "No trunk found".',
  krispOss: "Krisp is requested, but the OSS SIP service has no media processor, so only LiveKit Cloud applies it.",
  pinTooLong: `LiveKit reads at most ${MAX_PIN_DIGITS} pin digits; a longer entry is rejected as a wrong pin.`,
  livekitNumber:
    "The called number is a LiveKit Phone Number: no trunk is involved, and only the dispatch rules assigned to it are considered (rules naming trunks never apply).",
} as const;

function withDefaults(call: SimulatedCall): Required<SimulatedCall> {
  return { sourceIp: "", callerHost: "", pin: "", noPin: false, callId: "<call-id>", ...call };
}

const errorView = (stage: RoutingErrorView["stage"], err: LiveKitError): RoutingErrorView => ({
  stage,
  code: err instanceof TwirpError ? err.code : (err.psrpcCode ?? "unknown"),
  message: err.message,
});

function authOf(trunk: RoutingTrunk | undefined): AuthView {
  const username = trunk?.authUsername ?? "";
  if (username === "" || (trunk?.authPassword ?? "") === "") return { required: false };
  return { required: true, username, ...(trunk?.authRealm ? { realm: trunk.authRealm } : {}) };
}

/** livekit `EvaluateSIPDispatchRules`: a non-empty source that is not an IP is refused outright. */
function sourceError(sourceIp: string): RoutingErrorView | undefined {
  if (sourceIp === "" || parseIpAddress(sourceIp) !== undefined) return undefined;
  return { stage: "source", code: "invalid_argument", message: `ParseAddr(${goQuote(sourceIp)}): unable to parse IP` };
}

type Progress = Omit<SimulationResult, "outcome">;

/** The result with its keys in reading order, whatever step the call stopped at. */
function finish(outcome: CallOutcome, p: Progress): SimulationResult {
  const { call, phoneNumber, trunk, auth, rules, rule, room, krisp, media, error, notes } = p;
  const defined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  return { outcome, ...defined({ call, phoneNumber, trunk, auth, rules, rule, room, krisp, media, error }), notes };
}

export function simulateCall(config: RoutingConfig, simulated: SimulatedCall, options: SimulationOptions = {}): SimulationResult {
  const call = withDefaults(simulated);
  const notes: string[] = call.sourceIp === "" ? [NOTES.noSource] : [];
  const start: Progress = { call, trunk: { verdicts: [] }, auth: { required: false }, rules: [], notes };

  const badSource = sourceError(call.sourceIp);
  if (badSource !== undefined) return finish("error", { ...start, error: badSource });

  const livekitNumber = livekitNumberFor(config, call.calledNumber);
  if (livekitNumber !== undefined) notes.push(NOTES.livekitNumber);
  const trunkMatch = livekitNumber === undefined ? matchTrunk(config.trunks, call) : { matchType: "empty" as const, verdicts: [] };
  const trunkView = {
    ...(trunkMatch.trunk === undefined ? {} : { matched: trunkRef(trunkMatch.trunk) }),
    matchType: trunkMatch.matchType,
    verdicts: trunkMatch.verdicts.map((v) => ({ ...v, trunk: trunkRef(v.trunk) })),
  };
  if (trunkMatch.error !== undefined) return finish("error", { ...start, trunk: trunkView, error: errorView("trunk", trunkMatch.error) });
  const trunk = trunkMatch.trunk;
  if (trunk === undefined && livekitNumber === undefined) notes.push(NOTES.noTrunk);
  const afterTrunk = { ...start, ...(livekitNumber === undefined ? {} : { phoneNumber: numberRef(livekitNumber) }), trunk: trunkView, auth: authOf(trunk) };

  if (call.pin.length > MAX_PIN_DIGITS) return finish("wrong-pin", { ...afterTrunk, notes: [...notes, NOTES.pinTooLong] });

  const ruleMatch = matchDispatchRule(trunk, livekitNumber === undefined ? config.rules : assignedRules(config, livekitNumber), call);
  const afterRules = { ...afterTrunk, rules: ruleMatch.verdicts.map((v) => ({ ...v, rule: ruleRef(v.rule) })) };
  if (ruleMatch.error !== undefined) return finish("error", { ...afterRules, error: errorView("rules", ruleMatch.error) });
  const rule = ruleMatch.rule;
  // After a pin prompt, "nothing matched" is heard as a wrong pin; before it, the call is dropped.
  if (rule === undefined) return finish(call.pin !== "" || call.noPin ? "wrong-pin" : "no-rule", afterRules);

  const summary = summarizeRule(rule, call.calledNumber);
  const evaluation = evaluateDispatchRule(trunk, rule, { ...call, randomSuffix: options.randomSuffix ?? PLACEHOLDER.random });
  if (evaluation instanceof Error) return finish("error", { ...afterRules, rule: summary, error: errorView("evaluation", evaluation) });

  if (evaluation.krisp) notes.push(NOTES.krispOss);
  notes.push(...summarizeCodecs(evaluation.media).problems);
  const evaluated = { ...afterRules, rule: summary, krisp: evaluation.krisp, media: evaluation.media };
  return evaluation.result === "request-pin" ? finish("request-pin", evaluated) : finish("room", { ...evaluated, room: evaluation.room });
}
