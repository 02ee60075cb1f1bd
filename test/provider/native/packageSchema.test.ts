import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageSchema, typeToken, type PackageSpec, type PropertySpec } from "../../../src/provider/native/packageSchema";
import { definitions, type ResourceType } from "../../../src/resources";
import { userControlFields } from "../../../src/resources/controls";
import type { Field } from "../../../src/schema/field";

const root = join(__dirname, "..", "..", "..");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
const schema = packageSchema(version);
const types = Object.keys(definitions) as ResourceType[];

/** Every property spec of a property map, the specs of list items and map values included. */
function* specs(properties: Record<string, PropertySpec>): Generator<PropertySpec> {
  for (const property of Object.values(properties)) {
    yield property;
    if (property.items) yield property.items;
    if (property.additionalProperties) yield property.additionalProperties;
  }
}

// Regenerate with: npm run schema
it("the committed provider/schema.json is the schema the provider serves", () => {
  expect(JSON.parse(readFileSync(join(root, "provider", "schema.json"), "utf8"))).toEqual(schema);
});

it("every $ref names a type the schema defines, and every type is used", () => {
  const refs = new Set<string>();
  const all = [
    ...Object.values(schema.resources).flatMap((r) => [...specs(r.inputProperties), ...specs(r.properties)]),
    ...Object.values(schema.types).flatMap((t) => ("properties" in t ? [...specs(t.properties)] : [])),
  ];
  for (const property of all) if (property.$ref?.startsWith("#/types/")) refs.add(property.$ref.slice("#/types/".length));
  expect([...refs].filter((ref) => !(ref in schema.types))).toEqual([]);
  expect(Object.keys(schema.types).filter((token) => !refs.has(token))).toEqual([]);
});

describe.each(types)("%s", (type) => {
  const definition = definitions[type];
  const resource = schema.resources[typeToken(type)];
  const fields = { ...definition.schema.fields, ...userControlFields(definition as never) } as Record<string, Field<unknown, boolean>>;

  it("has every argument as an input and an output, with the reference docs' text", () => {
    expect(Object.keys(resource.inputProperties)).toEqual(Object.keys(fields));
    for (const [key, field] of Object.entries(fields)) {
      expect([key, resource.inputProperties[key].description]).toEqual([key, field.doc]);
      expect([key, resource.properties[key].description]).toEqual([key, field.doc]);
    }
    expect(resource.requiredInputs ?? []).toEqual(Object.keys(fields).filter((key) => fields[key].required));
  });

  it("marks exactly the schema's secret fields secret, in inputs and outputs", () => {
    const secret = Object.keys(fields).filter((key) => fields[key].secret);
    expect(Object.keys(resource.inputProperties).filter((key) => resource.inputProperties[key].secret)).toEqual(secret);
    expect(Object.keys(resource.properties).filter((key) => resource.properties[key].secret)).toEqual(secret);
  });

  it("outputs LiveKit's ID (required), the timestamps and what LiveKit reports besides the arguments", () => {
    expect(resource.required[0]).toBe(definition.idField);
    for (const key of [definition.idField, "createdAt", "updatedAt", ...Object.keys(definition.outputs?.fields ?? {})]) expect(resource.properties).toHaveProperty(key);
  });
});

it("describes structure: enums with their values, objects with required properties, lists, maps, oneofs", () => {
  const trunk = schema.resources["livekit:index:InboundTrunk"];
  expect(trunk.inputProperties.numbers).toMatchObject({ type: "array", items: { type: "string" } });
  expect(trunk.inputProperties.headers).toMatchObject({ type: "object", additionalProperties: { type: "string" } });
  expect(trunk.inputProperties.ringingTimeout.type).toBe("number");
  expect(trunk.inputProperties.includeHeaders.$ref).toBe("#/types/livekit:index:IncludeHeaders");
  expect(schema.types["livekit:index:IncludeHeaders"]).toMatchObject({ type: "string", enum: [{ value: "none" }, { value: "x-headers", name: "XHeaders" }, { value: "all" }] });
  // One Media type for every kind that has media settings.
  for (const type of ["InboundTrunk", "OutboundTrunk", "DispatchRule"]) expect(schema.resources[`livekit:index:${type}`].inputProperties.media.$ref).toBe("#/types/livekit:index:Media");
  expect(schema.types["livekit:index:MediaCodec"]).toMatchObject({ required: ["name"] });
  const rule = schema.types["livekit:index:DispatchRuleRule"] as Extract<PackageSpec["types"][string], { type: "object" }>;
  expect(rule.required).toEqual(["type"]);
  expect(rule.properties.roomName.description).toMatch(/Only with `type` `direct`\. Required with `type` `direct`\.$/);
  expect(rule.properties.roomPrefix.description).toMatch(/^With `individual`: .* With `callee`: /);
});

it("configures the provider with url, apiKey and a secret apiSecret", () => {
  expect(schema.config.variables.apiSecret).toMatchObject({ type: "string", secret: true });
  expect(Object.keys(schema.provider.inputProperties)).toEqual(expect.arrayContaining(["url", "apiKey", "apiSecret"]));
  expect(schema.provider.inputProperties.apiSecret.secret).toBe(true);
});
