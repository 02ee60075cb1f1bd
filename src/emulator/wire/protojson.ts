import { ScalarType, type AnyMessage, type FieldInfo, type JsonValue, type Message, type MessageType } from "@bufbuild/protobuf";

/**
 * JSON as LiveKit's Twirp server reads and writes it (protobuf-go `protojson`):
 * - responses use `UseProtoNames` + `EmitUnpopulated`: snake_case keys in declaration order, every
 *   field present, unset singular messages as `null`, unset proto3-optional fields and unset
 *   oneofs omitted, enums by name, map keys sorted;
 * - requests accept proto and lowerCamel names, ignore unknown fields and unknown enum names,
 *   treat `null` as unset and refuse the same field given twice.
 */

type JsonObject = { [key: string]: JsonValue };

const isJsonObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** Well-known types (Duration, Timestamp, …) have their own JSON form, which protobuf-es writes. */
const hasCustomJson = (type: MessageType) => type.typeName.startsWith("google.protobuf.");

const isOptional = (field: FieldInfo) => (field as { opt?: boolean }).opt === true;

function scalarToJson(type: ScalarType, value: unknown): JsonValue {
  switch (type) {
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      return String(value);
    case ScalarType.BYTES:
      return Buffer.from(value as Uint8Array).toString("base64");
    case ScalarType.FLOAT:
    case ScalarType.DOUBLE: {
      const n = value as number;
      if (Number.isNaN(n)) return "NaN";
      if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
      return n;
    }
    default:
      return value as JsonValue;
  }
}

function valueToJson(field: FieldInfo | { kind: "scalar" | "enum" | "message"; T: unknown }, value: unknown): JsonValue {
  switch (field.kind) {
    case "scalar":
      return scalarToJson(field.T as ScalarType, value);
    case "enum": {
      const enumType = field.T as { findNumber(n: number): { name: string } | undefined };
      return enumType.findNumber(value as number)?.name ?? (value as number);
    }
    case "message":
      return messageToJson(value as Message);
    default:
      throw new Error(`unexpected field kind ${field.kind}`);
  }
}

function mapToJson(field: Extract<FieldInfo, { kind: "map" }>, map: Record<string, unknown>): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(map).sort()) out[key] = valueToJson(field.V, map[key]);
  return out;
}

function fieldToJson(field: FieldInfo, value: unknown): JsonValue {
  if (field.kind === "map") return mapToJson(field, value as Record<string, unknown>);
  if (field.repeated) return (value as unknown[]).map((item) => valueToJson(field, item));
  if (value === undefined) return null;
  return valueToJson(field, value);
}

/** The JSON object protojson writes for `message` with LiveKit's server options. */
export function messageToJson(message: Message): JsonValue {
  const type = message.getType();
  if (hasCustomJson(type)) return message.toJson();
  const source = message as unknown as AnyMessage;
  const out: JsonObject = {};
  for (const field of type.fields.list()) {
    if (field.oneof !== undefined) {
      const selected = source[field.oneof.localName] as { case?: string; value?: unknown };
      if (selected.case === field.localName) out[field.name] = fieldToJson(field, selected.value);
      continue;
    }
    const value = source[field.localName];
    if (isOptional(field) && value === undefined) continue;
    out[field.name] = fieldToJson(field, value);
  }
  return out;
}

/**
 * Prepares parsed request JSON for protobuf-es: drops `null` members (protojson treats them as
 * unset, even inside a oneof) and refuses a field given twice under both of its names.
 */
function prepareJson(type: MessageType, json: JsonValue): JsonValue {
  if (!isJsonObject(json) || hasCustomJson(type)) return json;
  const seen = new Set<number>();
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(json)) {
    const field = type.fields.findJsonName(key);
    // The lookup table is a plain object: inherited names such as "toString" are not fields.
    if (typeof field !== "object") continue;
    if (seen.has(field.no)) throw new Error(`duplicate field ${key}`);
    seen.add(field.no);
    if (value === null) continue;
    out[key] = prepareFieldJson(field, value);
  }
  return out;
}

function prepareFieldJson(field: FieldInfo, value: JsonValue): JsonValue {
  if (field.kind === "map") {
    if (field.V.kind !== "message" || !isJsonObject(value)) return value;
    const messageType = field.V.T;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, prepareJson(messageType, v)]));
  }
  if (field.kind !== "message") return value;
  if (field.repeated && Array.isArray(value)) return value.map((item) => prepareJson(field.T, item));
  return prepareJson(field.T, value);
}

/** Parses a JSON request value into `type`; throws on anything protojson would refuse. */
export function messageFromJson<T extends Message<T>>(type: MessageType<T>, json: JsonValue): T {
  return type.fromJson(prepareJson(type, json), { ignoreUnknownFields: true });
}
