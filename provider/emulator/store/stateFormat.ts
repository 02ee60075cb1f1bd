import type { JsonValue, Message, MessageType } from "@bufbuild/protobuf";
import { messageFromJson, messageToJson } from "../wire/protojson";
import { RESOURCE_KINDS, RESOURCE_TYPES, resourceId, type Resource, type ResourceKind, type Resources } from "./resources";

/**
 * The state file: one JSON document holding every resource in the same snake_case form the API
 * answers with, one resource per line, sorted by ID, so it can be read and diffed by people.
 */

export const STATE_FORMAT = "livekit-sip-emulator/v1";

const SECTIONS: { readonly [K in ResourceKind]: string } = {
  inboundTrunk: "inbound_trunks",
  outboundTrunk: "outbound_trunks",
  dispatchRule: "dispatch_rules",
};

export type StateContents = { [K in ResourceKind]: Resources[K][] };

export const encodeResource = (resource: Resource): string => JSON.stringify(messageToJson(resource));

/** `encoded` holds each resource's `encodeResource` text, already sorted by ID. */
export function serializeState(encoded: { readonly [K in ResourceKind]: readonly string[] }): string {
  const sections = RESOURCE_KINDS.map((kind) => {
    const items = encoded[kind];
    const body = items.length === 0 ? "[]" : `[\n    ${items.join(",\n    ")}\n  ]`;
    return `  ${JSON.stringify(SECTIONS[kind])}: ${body}`;
  });
  return `{\n  "format": ${JSON.stringify(STATE_FORMAT)},\n${sections.join(",\n")}\n}\n`;
}

function parseSection<T extends Message<T> & Resource>(section: string, type: MessageType<T>, value: JsonValue | undefined): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`"${section}" is not a list`);
  const seen = new Set<string>();
  return value.map((item, index) => {
    const resource = messageFromJson(type, item);
    const id = resourceId(resource);
    if (id === "") throw new Error(`"${section}"[${index}] has no ID`);
    if (seen.has(id)) throw new Error(`"${section}" holds ${id} twice`);
    seen.add(id);
    return resource;
  });
}

/** Reads a state file's text; throws with the reason when it is not one this emulator wrote. */
export function parseState(text: string): StateContents {
  const doc = JSON.parse(text) as JsonValue;
  if (typeof doc !== "object" || doc === null || Array.isArray(doc) || doc["format"] !== STATE_FORMAT) {
    throw new Error(`not a ${STATE_FORMAT} document`);
  }
  return {
    inboundTrunk: parseSection(SECTIONS.inboundTrunk, RESOURCE_TYPES.inboundTrunk, doc[SECTIONS.inboundTrunk]),
    outboundTrunk: parseSection(SECTIONS.outboundTrunk, RESOURCE_TYPES.outboundTrunk, doc[SECTIONS.outboundTrunk]),
    dispatchRule: parseSection(SECTIONS.dispatchRule, RESOURCE_TYPES.dispatchRule, doc[SECTIONS.dispatchRule]),
  };
}
