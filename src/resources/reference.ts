import type { ResourceDefinition } from "./definition";
import { userControlFields } from "./controls";
import type { Field } from "../schema/field";

type Described = Field<unknown, boolean> & { fields?: Record<string, Described>; variants?: Record<string, Record<string, Described>> };

interface Row {
  property: string;
  type: string;
  required: boolean;
  doc: string;
}

function rows(fields: Record<string, Described>, prefix: string): Row[] {
  return Object.entries(fields).flatMap(([key, field]) => {
    const property = `${prefix}${key}`;
    const own: Row = { property, type: field.type, required: field.required, doc: field.doc + (field.secret ? " Secret." : "") };
    if (field.variants) {
      return [
        own,
        ...Object.entries(field.variants).flatMap(([type, variant]) => [
          { property: `${property}.type = "${type}"`, type: "", required: false, doc: "" },
          ...rows(variant, `${property}.`),
        ]),
      ];
    }
    const nestedPrefix = field.type.endsWith("[]") ? `${property}[].` : `${property}.`;
    return field.fields ? [own, ...rows(field.fields, nestedPrefix)] : [own];
  });
}

/**
 * The reference page of one resource, generated from its schema so the docs list exactly the
 * fields the code accepts (a test keeps docs/reference in sync).
 */
export function renderReference(definition: ResourceDefinition): string {
  const table = (fields: Record<string, Described>) =>
    rows(fields, "").map((r) =>
      r.type === ""
        ? `| **${r.property}** | | | |`
        : `| \`${r.property}\` | ${r.type.replace(/\|/g, "\\|")} | ${r.required ? "yes" : ""} | ${r.doc.replace(/\|/g, "\\|")} |`,
    );
  const otherOutputs = definition.outputs
    ? ["", "LiveKit also reports:", "", "| property | type | | meaning |", "|---|---|---|---|", ...table(definition.outputs.fields as Record<string, Described>)]
    : [];
  return [
    `# ${definition.type}`,
    "",
    `${definition.schema.doc}`,
    "",
    `Type token: \`pulumi-nodejs:dynamic/livekit:${definition.type}\`; with the native provider, \`livekit:index:${definition.type}\` ([native-provider.md](../native-provider.md)). Property names are LiveKit's protobuf JSON names, so LiveKit's documentation applies one to one. Durations are in seconds; enums are the readable words listed.`,
    "",
    "## Arguments",
    "",
    "| property | type | required | meaning |",
    "|---|---|---|---|",
    ...table({ ...definition.schema.fields, ...userControlFields(definition) } as Record<string, Described>),
    "",
    "## Outputs",
    "",
    `Every argument, as LiveKit reports it, plus \`${definition.idField}\` (LiveKit's ID, also the resource ID), \`createdAt\` and \`updatedAt\` (RFC 3339, where the server reports them).`,
    ...otherOutputs,
    "",
  ].join("\n");
}
