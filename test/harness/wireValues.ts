/**
 * Special values of Pulumi's property wire format (sdk/nodejs/runtime/rpc.ts), and the conversions the engine
 * applies between what a program sends and what a dynamic provider receives.
 */

export type Props = Record<string, unknown>;

/** Stands in for any value not known yet during preview, whatever the declared type. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

export function wrapSecret(value: unknown): Props {
  return { [SIG_KEY]: SECRET_SIG, value };
}

function isObject(value: unknown): value is Props {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Rewrites a program-side wire value into what the engine hands a dynamic provider: the host declares
 * acceptSecrets=false and no acceptResources, so secrets arrive unwrapped and resource references as their id
 * (custom) or urn (component). Reports whether any secret was stripped, so the engine can re-mark outputs.
 */
export function toProviderValue(value: unknown): { value: unknown; secret: boolean } {
  if (Array.isArray(value)) {
    const items = value.map(toProviderValue);
    return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
  }
  if (!isObject(value)) {
    return { value, secret: false };
  }
  if (value[SIG_KEY] === SECRET_SIG) {
    return { value: toProviderValue(value.value).value, secret: true };
  }
  if (value[SIG_KEY] === RESOURCE_SIG) {
    return { value: "id" in value ? value.id : value.urn, secret: false };
  }
  const result: Props = {};
  let secret = false;
  for (const [key, item] of Object.entries(value)) {
    const converted = toProviderValue(item);
    result[key] = converted.value;
    secret ||= converted.secret;
  }
  return { value: result, secret };
}

/** Converts a property map and lists the top-level keys that held a secret anywhere inside. */
export function toProviderProps(props: Props): { props: Props; secretKeys: string[] } {
  const result: Props = {};
  const secretKeys: string[] = [];
  for (const [key, item] of Object.entries(props)) {
    const converted = toProviderValue(item);
    result[key] = converted.value;
    if (converted.secret) {
      secretKeys.push(key);
    }
  }
  return { props: result, secretKeys };
}

/** Wraps the named keys as secrets, which is how the engine returns secret outputs to the program. */
export function withSecrets(props: Props, secretKeys: readonly string[]): Props {
  const result: Props = { ...props };
  for (const key of secretKeys) {
    if (key in result) {
      result[key] = wrapSecret(result[key]);
    }
  }
  return result;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) {
    return false;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => deepEqual(a[k], b[k]));
}
