import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { isRecord } from "../../schema/jsonTree";
import { sections, type TelephonySpec } from "../../stack/spec";
import { TelephonyStack } from "../../stack/telephonyStack";
import { unreadableSecret } from "./stackConfigFile";

/**
 * The TelephonyStack spec in a YAML file: a `Pulumi.<stack>.yaml` (or an export of one), where it
 * sits under `<project>:<key>`, or a bare spec with inboundTrunks/outboundTrunks/dispatchRules.
 */
export function readSpecFile(file: string, key = "telephony"): TelephonySpec {
  const parsed = parse(readFileSync(file, "utf8")) as unknown;
  if (isRecord(parsed) && isRecord(parsed.config)) {
    const keys = Object.keys(parsed.config).filter((k) => k === key || k.endsWith(`:${key}`));
    if (keys.length !== 1) {
      throw new Error(`${file}: expected one config key "<project>:${key}" holding the spec, found ${keys.length ? keys.join(", ") : "none"} (see --key)`);
    }
    return parsed.config[keys[0]] as TelephonySpec;
  }
  if (isRecord(parsed) && Object.keys(parsed).some((k) => k in sections)) return parsed as TelephonySpec;
  throw new Error(`${file} is neither a Pulumi.<stack>.yaml with a "${key}" config key nor a spec with ${Object.keys(sections).join(", ")}`);
}

/**
 * A program that builds the spec's TelephonyStack as the root program does, so resource names and
 * validation match. Secret values are unknown offline; each referenced key gets a stand-in.
 */
export function specProgram(spec: TelephonySpec, name = "telephony"): () => unknown {
  const trunks = [...Object.values(spec.inboundTrunks ?? {}), ...Object.values(spec.outboundTrunks ?? {})];
  const secrets = Object.fromEntries(trunks.flatMap((t) => (t?.authPassword?.secret ? [[t.authPassword.secret, unreadableSecret]] : [])));
  return () => new TelephonyStack(name, { spec, secrets });
}
