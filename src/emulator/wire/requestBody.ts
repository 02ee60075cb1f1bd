import type { JsonValue, Message, MessageType } from "@bufbuild/protobuf";
import { messageFromJson } from "./protojson";

/**
 * Request bodies as the generated Twirp server decodes them. JSON goes through Go's
 * `json.Decoder.Decode`, which reads the *first* JSON value and ignores whatever follows it, so
 * `{"trunk":{…}} trailing` is accepted; an empty body or a non-object is not.
 */

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);

/** The text of the first JSON object in `text`, or undefined when it does not start with one. */
export function firstJsonObject(text: string): string | undefined {
  let start = 0;
  while (start < text.length && WHITESPACE.has(text[start])) start++;
  if (text[start] !== "{") return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
    } else if (ch === "{" || ch === "[") {
      depth++;
    } else if (ch === "}" || ch === "]") {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return undefined;
}

export function decodeJsonRequest<T extends Message<T>>(type: MessageType<T>, body: Buffer): T | undefined {
  const text = firstJsonObject(body.toString("utf8"));
  if (text === undefined) return undefined;
  try {
    return messageFromJson(type, JSON.parse(text) as JsonValue);
  } catch {
    return undefined;
  }
}

export function decodeProtobufRequest<T extends Message<T>>(type: MessageType<T>, body: Buffer): T | undefined {
  try {
    return type.fromBinary(body);
  } catch {
    return undefined;
  }
}
