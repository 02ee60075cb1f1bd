import { definitionOf, definitions, type ResourceType } from "../../resources";
import type { Failure, ResourceDefinition } from "../../resources/definition";
import { isDeepStrictEqual } from "node:util";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { internalControlNames, splitControls, storedControlNames } from "../../resources/controls";
import { secretPaths, type ValuePath } from "../../resources/secretPaths";
import { changedFields } from "../changes";
import { connector } from "../connect";
import { consoleWarn, lifecycle, type Warn } from "../lifecycle";
import { declaredInputs, timestampOutputs } from "../outputs";
import { retrySettings, settingsFrom, type ConfigSource } from "../settings";
import { configVariables, packageName, typeToken } from "./packageSchema";
import { conceal, reveal } from "./secrets";

type Props = Record<string, unknown>;

/** Shows a warning as a resource's diagnostic (the engine's Log service), or where else it can. */
export type ResourceWarning = (urn: string | undefined, warning: string) => void;

export type PropertyChange = "add" | "delete" | "update" | "update-replace";

export interface NativeDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** The properties that change, and how: what `pulumi preview` shows. */
  detailedDiff: Record<string, PropertyChange>;
}

const lifecycleTypes = new Map(Object.keys(definitions).map((type) => [typeToken(type as ResourceType), type as ResourceType]));

/**
 * The type token and the name a URN holds (`urn:pulumi:<stack>::<project>::<parent$…$type>::<name>`);
 * the name may itself hold `::`.
 */
export function parseUrn(urn: string): { token: string; name: string } {
  const parts = urn.split("::");
  if (parts.length < 4) throw new Error(`not a Pulumi URN: ${urn}`);
  return { token: parts[2].split("$").pop()!, name: parts.slice(3).join("::") };
}

/** The `livekit:` settings of a provider's configuration, as the dynamic provider reads the stack's. */
function configSourceOf(args: Props): ConfigSource {
  return {
    get(key) {
      if (!key.startsWith(`${packageName}:`)) return undefined;
      const value = args[key.slice(packageName.length + 1)];
      if (value === undefined || value === null) return undefined;
      return typeof value === "string" ? value : JSON.stringify(value);
    },
  };
}

/** A property map with its secrets unwrapped, and where they were. */
const revealed = (props: Props | undefined) => reveal(props ?? {}) as { value: Props; secrets: ValuePath[] };

const withoutInternal = (props: Props): Props => Object.fromEntries(Object.entries(props).filter(([key]) => !(internalControlNames as readonly string[]).includes(key)));

/**
 * The native provider's face of the one lifecycle (src/provider/lifecycle.ts): the same checks,
 * diffs, LiveKit calls, retries and pre-checks as the dynamic resources, spoken in Pulumi's
 * provider protocol. What differs is only the wire: type tokens `livekit:index:<Kind>`, the
 * resource's name from its URN rather than an input, secrets wrapped on the wire both ways, and
 * the provider's own configuration instead of the stack's.
 */
export class NativeProvider {
  private config: ConfigSource | undefined;
  private readonly connect = connector(() => settingsFrom(this.config));
  private readonly lifecycles = new Map<ResourceType, ReturnType<typeof lifecycle>>();

  /** Warnings go to `warn` with the resource's URN; without it, to stderr as the dynamic provider host's do. */
  constructor(
    readonly version: string,
    private readonly warn?: ResourceWarning,
  ) {}

  /** The provider resource's settings (`livekit:url`, …, or a provider resource's arguments). */
  configure(args: Props): void {
    this.config = configSourceOf(revealed(args).value);
  }

  /**
   * The provider's arguments: settings of the wrong type fail preview, and the API secret is
   * always stored as a secret, even when set in plain text. Credentials may be left out: they
   * fall back to the environment when LiveKit is first called.
   */
  checkConfig(news: Props): { inputs: Props; failures: Failure[] } {
    const { value, secrets } = revealed(news);
    const args = value;
    const failures: Failure[] = [];
    for (const [key, spec] of Object.entries(configVariables)) {
      const given = args[key];
      if (given === undefined || given === null) continue;
      if (spec.type === "string" && typeof given !== "string") failures.push({ property: key, reason: `must be a string, got ${JSON.stringify(given)}` });
      if (spec.type !== "string") {
        try {
          retrySettings(configSourceOf({ [key]: given }));
        } catch (e) {
          failures.push({ property: key, reason: (e as Error).message });
        }
      }
    }
    return { inputs: conceal(args, [...secrets, ...(args.apiSecret !== undefined ? [["apiSecret"]] : [])]), failures };
  }

  async check(urn: string, olds: Props, news: Props): Promise<{ inputs: Props; failures?: Failure[] }> {
    const { definition, face } = this.resolve(urn);
    const previous = revealed(olds);
    const next = revealed(news);
    const result = await face.check(this.named(previous.value, urn), this.named(next.value, urn));
    if (result.failures?.length) return { inputs: news, failures: result.failures };
    const inputs = withoutInternal(result.inputs as Props);
    return { inputs: this.concealed(definition, inputs, next.secrets) };
  }

  async diff(id: string, urn: string, olds: Props, news: Props): Promise<NativeDiff> {
    const { definition, face } = this.resolve(urn);
    const previous = revealed(olds).value;
    const next = revealed(news).value;
    const result = await face.diff(id, previous, this.named(next, urn));
    const replaces = result.replaces ?? [];
    const before = splitControls(previous).args;
    const after = splitControls(next).args;
    const detailedDiff: Record<string, PropertyChange> = {};
    if (result.changes) {
      for (const key of new Set([...changedFields(definition, before, after), ...replaces])) {
        detailedDiff[key] = replaces.includes(key) ? "update-replace" : before[key] === undefined ? "add" : after[key] === undefined ? "delete" : "update";
      }
    }
    return { changes: result.changes === true, replaces, deleteBeforeReplace: result.deleteBeforeReplace === true, detailedDiff };
  }

  async create(urn: string, inputs: Props): Promise<{ id: string; outs: Props }> {
    const { definition, face } = this.resolve(urn);
    const given = revealed(inputs);
    const created = await face.create(this.named(given.value, urn));
    return { id: created.id, outs: this.concealed(definition, withoutInternal(created.outs), given.secrets) };
  }

  /**
   * A refresh (the stored outputs given) or an import (nothing given): what LiveKit holds now, and
   * the inputs that declare it. An import records only the arguments a program would write,
   * which the engine checks like a program's.
   */
  async read(id: string, urn: string, props: Props): Promise<{ id?: string; props?: Props; inputs?: Props }> {
    const { definition, face } = this.resolve(urn);
    const stored = revealed(props);
    const importing = Object.keys(stored.value).length === 0;
    const result = await face.read(id, this.named(stored.value, urn));
    if (!result.id) return {};
    const outputs = withoutInternal(result.props as Props);
    const inputs = importing ? declaredInputs(definition, outputs) : withoutInternal(result.inputs as Props);
    return { id: result.id, props: this.concealed(definition, outputs, stored.secrets), inputs: this.concealed(definition, inputs, stored.secrets) };
  }

  async update(id: string, urn: string, olds: Props, news: Props): Promise<{ outs: Props }> {
    const { definition, face } = this.resolve(urn);
    const next = revealed(news);
    const updated = await face.update(id, revealed(olds).value, this.named(next.value, urn));
    return { outs: this.concealed(definition, withoutInternal(updated.outs as Props), next.secrets) };
  }

  /**
   * What a create will report, for a preview (nothing is sent to LiveKit): the inputs, and the
   * rest unknown: the ID and what else LiveKit assigns, and the arguments left out, which LiveKit
   * reports with its defaults. Dependents then wait for them rather than read them as unset.
   * Values stay as they came on the wire (secrets wrapped, unknowns as Pulumi's marker).
   */
  previewCreate(urn: string, news: Props): Props {
    const definition = this.definitionAt(urn);
    const computed = [definition.idField, ...timestampOutputs, ...Object.keys(definition.outputs?.fields ?? {}), ...Object.keys(definition.schema.fields)];
    return { ...Object.fromEntries(computed.map((key) => [key, unknownValue])), ...withoutInternal(news) };
  }

  /**
   * What an update will report, for a preview (nothing is sent to LiveKit). Kept from the old
   * outputs: the ID and creation time (an update never changes them, so a rule naming a trunk's
   * `sipTrunkId` sees no change), what the object was created with (a number bought), and every
   * argument the update leaves as it was (`oldInputs`; LiveKit's exact form of it). A changed
   * argument is predicted as given; one no longer given is unknown (LiveKit reports its default).
   * What LiveKit recomputes on every update is unknown: the update time, and the definition's
   * other outputs (a number's status and rules follow its dispatch rule). Without `oldInputs`
   * (older engines) every argument is taken as changed.
   */
  previewUpdate(id: string, urn: string, olds: Props, news: Props, oldInputs?: Props): Props {
    const definition = this.definitionAt(urn);
    const kept = new Set<string>(definition.setAtCreate ?? []);
    const fields = new Set(Object.keys(definition.schema.fields));
    const controls = new Set<string>(storedControlNames);
    const unchanged = (key: string) => oldInputs !== undefined && isDeepStrictEqual(news[key], oldInputs[key]);
    const predicted: Props = {};
    for (const [key, value] of Object.entries(withoutInternal(olds))) {
      if ((!fields.has(key) && !controls.has(key)) || kept.has(key) || (fields.has(key) && unchanged(key))) predicted[key] = value;
      else if (fields.has(key) && news[key] === undefined) predicted[key] = unknownValue;
    }
    for (const [key, value] of Object.entries(withoutInternal(news))) if (!kept.has(key) && !(key in predicted && unchanged(key))) predicted[key] = value;
    predicted[definition.idField] ??= id;
    // Unknown even where not reported before: a number's rule assignment time appears once it has one.
    for (const key of ["updatedAt", ...Object.keys(definition.outputs?.fields ?? {})]) predicted[key] = unknownValue;
    return predicted;
  }

  async delete(id: string, urn: string, props: Props): Promise<void> {
    const { face } = this.resolve(urn);
    await face.delete(id, this.named(revealed(props).value, urn));
  }

  private typeAt(urn: string): ResourceType {
    const { token } = parseUrn(urn);
    const type = lifecycleTypes.get(token);
    if (!type) throw new Error(`unknown resource type ${token}: the ${packageName} provider manages ${[...lifecycleTypes.keys()].join(", ")}`);
    return type;
  }

  private definitionAt(urn: string): ResourceDefinition {
    return definitionOf(this.typeAt(urn));
  }

  private resolve(urn: string) {
    const type = this.typeAt(urn);
    let face = this.lifecycles.get(type);
    if (!face) this.lifecycles.set(type, (face = lifecycle(definitionOf(type), this.connect, this.report)));
    return { definition: definitionOf(type), face };
  }

  private readonly report: Warn = (definition, controls, warning) => (this.warn ? this.warn(controls.__urn, warning) : consoleWarn(definition, controls, warning));

  /** The resource's name and URN, where the lifecycle reads them for messages; inputs never carry them here. */
  private named(props: Props, urn: string): Props {
    return { ...withoutInternal(props), __resourceName: parseUrn(urn).name, __urn: urn };
  }

  /** Secret: what the schema marks (and credentials in egress settings), and whatever came in secret. */
  private concealed(definition: ResourceDefinition, props: Props, given: ValuePath[]): Props {
    return conceal(props, [...given, ...secretPaths(definition, splitControls(props).args)]);
  }
}
