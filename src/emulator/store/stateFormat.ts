import type { JsonValue, MessageType } from "@bufbuild/protobuf";
import { messageFromJson, messageToJson } from "../wire/protojson";
import { perKind, RESOURCE_KINDS, RESOURCE_TYPES, resourceId, type Resource, type ResourceKind, type Resources } from "./resources";

/**
 * The state file: one JSON document holding every resource in the same snake_case form the API
 * answers with, one resource per line, sorted by ID, so it can be read and diffed by people.
 */

export const STATE_FORMAT = "livekit-sip-emulator/v1";

const SECTIONS: { readonly [K in ResourceKind]: string } = {
  inboundTrunk: "inbound_trunks",
  outboundTrunk: "outbound_trunks",
  dispatchRule: "dispatch_rules",
  phoneNumber: "phone_numbers",
};

export type StateContents = { [K in ResourceKind]: Resources[K][] };

export const encodeResource = (resource: Resource): string => JSON.stringify(messageToJson(resource));

/** A resource from its state-file form. */
export const decodeResource = (kind: ResourceKind, json: unknown): Resource => messageFromJson(RESOURCE_TYPES[kind] as MessageType, json as JsonValue) as Resource;

/** `encoded` holds each resource's `encodeResource` text, already sorted by ID. */
export function serializeState(encoded: { readonly [K in ResourceKind]: readonly string[] }): string {
  const sections = RESOURCE_KINDS.map((kind) => {
    const items = encoded[kind];
    const body = items.length === 0 ? "[]" : `[\n    ${items.join(",\n    ")}\n  ]`;
    return `  ${JSON.stringify(SECTIONS[kind])}: ${body}`;
  });
  return `{\n  "format": ${JSON.stringify(STATE_FORMAT)},\n${sections.join(",\n")}\n}\n`;
}

function parseSection(section: string, type: MessageType, value: JsonValue | undefined): Resource[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`"${section}" is not a list`);
  const seen = new Set<string>();
  return value.map((item, index) => {
    const resource = messageFromJson(type, item) as Resource;
    const id = resourceId(resource);
    if (id === "") throw new Error(`"${section}"[${index}] has no ID`);
    if (seen.has(id)) throw new Error(`"${section}" holds ${id} twice`);
    seen.add(id);
    return resource;
  });
}

/**
 * Reads a state file's text; throws with the reason when it is not one this emulator wrote. A
 * missing section is empty, so files written before a kind existed still load.
 */
export function parseState(text: string): StateContents {
  const doc = JSON.parse(text) as JsonValue;
  if (typeof doc !== "object" || doc === null || Array.isArray(doc) || doc["format"] !== STATE_FORMAT) {
    throw new Error(`not a ${STATE_FORMAT} document`);
  }
  return perKind((kind) => parseSection(SECTIONS[kind], RESOURCE_TYPES[kind], doc[SECTIONS[kind]])) as StateContents;
}
