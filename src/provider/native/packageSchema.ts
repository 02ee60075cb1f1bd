import { definitions, type ResourceType } from "../../resources";
import type { ResourceDefinition } from "../../resources/definition";
import { userControlFields } from "../../resources/controls";
import type { Field, Form } from "../../schema/field";

/** The Pulumi package the native provider serves, and the type tokens of its resources. */
export const packageName = "livekit";

export const typeToken = (type: ResourceType): string => `${packageName}:index:${type}`;

/** A property of the Pulumi package schema (https://www.pulumi.com/docs/iac/using-pulumi/extending-pulumi/schema/). */
export interface PropertySpec {
  type?: "string" | "boolean" | "integer" | "number" | "array" | "object";
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  description?: string;
  secret?: boolean;
}

interface ObjectTypeSpec {
  type: "object";
  description: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

interface EnumTypeSpec {
  type: "string";
  description: string;
  enum: { name: string; value: string }[];
}

interface ResourceSpec {
  description: string;
  inputProperties: Record<string, PropertySpec>;
  requiredInputs?: string[];
  properties: Record<string, PropertySpec>;
  required: string[];
}

export interface PackageSpec {
  name: string;
  displayName: string;
  version: string;
  description: string;
  keywords: string[];
  license: string;
  meta: { moduleFormat: string };
  config: { variables: Record<string, PropertySpec> };
  provider: { description: string; inputProperties: Record<string, PropertySpec> };
  resources: Record<string, ResourceSpec>;
  types: Record<string, ObjectTypeSpec | EnumTypeSpec>;
  language: { python: PythonPackageInfo };
}

/** What Pulumi's Python code generator reads (`pulumi package gen-sdk --language python`, sdk/python/). */
interface PythonPackageInfo {
  packageName: string;
  requires: Record<string, string>;
  pyproject: { enabled: boolean };
  respectSchemaVersion: boolean;
}

/**
 * The provider's configuration: the keys the dynamic provider reads from the stack config, with
 * the same names (`livekit:url`, …) and the same environment fallbacks (src/provider/settings.ts).
 */
export const configVariables: Record<string, PropertySpec> = {
  url: { type: "string", description: "LiveKit's URL, e.g. `wss://my-project.livekit.cloud` or `http://127.0.0.1:7880`. Default: the `LIVEKIT_URL` environment variable." },
  apiKey: { type: "string", description: "API key with the SIP admin permission. Default: the `LIVEKIT_API_KEY` environment variable." },
  apiSecret: { type: "string", secret: true, description: "The API key's secret; always stored as a Pulumi secret. Default: the `LIVEKIT_API_SECRET` environment variable." },
  maxRetries: { type: "integer", description: "How often a LiveKit request that failed transiently is retried. Default: `LIVEKIT_MAX_RETRIES`, else 4." },
  requestTimeout: { type: "number", description: "Seconds to wait for each LiveKit request. Default: `LIVEKIT_REQUEST_TIMEOUT`, else 10." },
};

const idDocs: Record<ResourceDefinition["idField"], string> = {
  sipTrunkId: "LiveKit's ID of the trunk (`ST_…`), also the resource ID; dispatch rules refer to it.",
  sipDispatchRuleId: "LiveKit's ID of the dispatch rule (`SDR_…`), also the resource ID.",
  phoneNumberId: "LiveKit's ID of the phone number, also the resource ID.",
};

const timestamps: Record<string, PropertySpec> = {
  createdAt: { type: "string", description: "When LiveKit created the object (RFC 3339), where the server reports it." },
  updatedAt: { type: "string", description: "When LiveKit last changed the object (RFC 3339), where the server reports it." },
};

const pascal = (name: string) => name.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, _sep, c: string) => c.toUpperCase());
/** A list's item type is named after the list, in the singular: `codecs` holds `Codec`s. */
const singular = (name: string) => (name.endsWith("s") ? name.slice(0, -1) : name);

type Fields = Record<string, Field<unknown, boolean, unknown>>;
type Named = Extract<Form, { kind: "object" | "enum" | "variants" }>;

/**
 * Every object and enum the resources use, named after where it is first used: `Media` for the
 * media settings every kind shares, `DispatchRuleRoomConfig` for what only dispatch rules have. A
 * form reused by several fields (the same instance) is one type.
 */
function nameTypes(all: ResourceDefinition[]): Map<Named, string> {
  const uses = new Map<Named, { path: string[]; kinds: Set<string> }>();
  const visit = (form: Form, path: string[], kind: string) => {
    if (form.kind === "list") return visit(form.item, [...path.slice(0, -1), singular(path[path.length - 1])], kind);
    if (form.kind !== "object" && form.kind !== "enum" && form.kind !== "variants") return;
    const use = uses.get(form) ?? { path, kinds: new Set<string>() };
    use.kinds.add(kind);
    uses.set(form, use);
    for (const [key, child] of Object.entries(childrenOf(form))) visit(child.form, [...path, key], kind);
  };
  for (const definition of all) {
    for (const [key, field] of Object.entries({ ...definition.schema.fields, ...definition.outputs?.fields })) visit(field.form, [key], definition.type);
  }
  const names = new Map<Named, string>();
  const taken = new Map<string, Named>();
  for (const [form, { path, kinds }] of uses) {
    const name = (kinds.size > 1 ? "" : [...kinds][0]) + path.map(pascal).join("");
    const other = taken.get(name);
    if (other !== undefined && other !== form) throw new Error(`two different types of the LiveKit package schema would both be named ${name}`);
    taken.set(name, form);
    names.set(form, name);
  }
  return names;
}

function childrenOf(form: Named): Fields {
  if (form.kind === "object") return form.fields;
  if (form.kind === "variants") return Object.assign({}, ...Object.values(form.variants));
  return {};
}

const enumType = (description: string, values: readonly string[]): EnumTypeSpec => ({
  type: "string",
  description,
  enum: values.map((value) => ({ name: pascal(value), value })),
});

const listed = (values: readonly string[], separator = ", ") => values.map((v) => `\`${v}\``).join(separator);

/** The Pulumi package schema, generated from the resources' schemas: one description of every field. */
export function packageSchema(version: string): PackageSpec {
  const all = Object.values(definitions) as ResourceDefinition[];
  const names = nameTypes(all);
  const types: PackageSpec["types"] = {};
  const tokenOf = (name: string) => `${packageName}:index:${name}`;

  const property = (field: Field<unknown, boolean, unknown>): PropertySpec => ({
    ...typeOf(field.form),
    description: field.doc,
    ...(field.secret ? { secret: true } : {}),
  });
  const properties = (fields: Fields): Record<string, PropertySpec> => Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, property(field)]));
  const requiredOf = (fields: Fields) => Object.entries(fields).filter(([, field]) => field.required).map(([key]) => key);

  function typeOf(form: Form): Omit<PropertySpec, "description" | "secret"> {
    switch (form.kind) {
      case "string":
      case "boolean":
      case "integer":
      case "number":
        return { type: form.kind };
      case "json":
        return { type: "object", additionalProperties: { $ref: "pulumi.json#/Any" } };
      case "map":
        return { type: "object", additionalProperties: { type: "string" } };
      case "list":
        return { type: "array", items: typeOf(form.item) };
      case "enum":
        return { type: "string", $ref: `#/types/${define(form)}` };
      case "object":
      case "variants":
        return { type: "object", $ref: `#/types/${define(form)}` };
    }
  }

  /** Adds the type of an object or enum the first time it is met; its token. */
  function define(form: Named): string {
    const name = names.get(form)!;
    const token = tokenOf(name);
    if (token in types) return token;
    if (form.kind === "enum") {
      types[token] = enumType(`One of ${listed(form.values)}; leaving it out means LiveKit's default, \`${form.values[0]}\`.`, form.values);
    } else if (form.kind === "object") {
      // Placed before its properties are described, so a type that contains itself would end.
      const spec: ObjectTypeSpec = { type: "object", description: form.doc, properties: {} };
      types[token] = spec;
      spec.properties = properties(form.fields);
      const required = requiredOf(form.fields);
      if (required.length > 0) spec.required = required;
    } else {
      types[token] = variantsType(form, name);
    }
    return token;
  }

  /**
   * A oneof as one object: `type` names the variant, and every other property says which variants
   * have it. Pulumi's schema has no tagged unions for inputs; the provider's check refuses a
   * property the chosen variant does not have, as it does for the dynamic resources.
   */
  function variantsType(form: Extract<Form, { kind: "variants" }>, name: string): ObjectTypeSpec {
    const variants = Object.keys(form.variants);
    const typeToken = tokenOf(`${name}Type`);
    types[typeToken] = enumType(`Which variant of ${name}: ${listed(variants)}.`, variants);
    const byKey = new Map<string, { field: Field<unknown, boolean, unknown>; in: string[]; requiredIn: string[]; docs: string[] }>();
    for (const [variant, fields] of Object.entries(form.variants)) {
      for (const [key, field] of Object.entries(fields)) {
        const entry = byKey.get(key) ?? { field, in: [], requiredIn: [], docs: [] };
        entry.in.push(variant);
        if (field.required) entry.requiredIn.push(variant);
        entry.docs.push(field.doc);
        byKey.set(key, entry);
      }
    }
    const props: Record<string, PropertySpec> = {
      type: { type: "string", $ref: `#/types/${typeToken}`, description: `The variant: ${listed(variants)}.` },
    };
    for (const [key, entry] of byKey) {
      const only = entry.in.length === variants.length ? "" : ` Only with \`type\` ${listed(entry.in, " or ")}.`;
      const required = entry.requiredIn.length > 0 ? ` Required with \`type\` ${listed(entry.requiredIn, " or ")}.` : "";
      // A property several variants share may mean something different in each.
      const doc = new Set(entry.docs).size === 1 ? entry.docs[0] : entry.in.map((variant, i) => `With \`${variant}\`: ${entry.docs[i]}`).join(" ");
      props[key] = { ...property(entry.field), description: `${doc}${only}${required}` };
    }
    return { type: "object", description: `${form.doc} \`type\` is one of ${listed(variants)}.`, properties: props, required: ["type"] };
  }

  const resources: PackageSpec["resources"] = {};
  for (const definition of all) {
    const inputs = { ...definition.schema.fields, ...userControlFields(definition) } as Fields;
    resources[typeToken(definition.type)] = {
      description: definition.schema.doc,
      inputProperties: properties(inputs),
      // The CLI drops empty lists when it reads a schema: left out, the committed file reads as served.
      ...(requiredOf(inputs).length > 0 ? { requiredInputs: requiredOf(inputs) } : {}),
      properties: {
        ...properties(definition.outputs?.fields ?? {}),
        ...properties(inputs),
        [definition.idField]: { type: "string", description: idDocs[definition.idField] },
        ...timestamps,
      },
      required: [definition.idField, ...requiredOf(inputs)],
    };
  }

  return {
    name: packageName,
    displayName: "LiveKit telephony",
    version,
    description: "LiveKit telephony (SIP trunks, dispatch rules, phone numbers) as code, checked at preview against LiveKit's own rules.",
    keywords: ["pulumi", "livekit", "sip", "telephony"],
    license: "Apache-2.0",
    meta: { moduleFormat: "(.*)" },
    config: { variables: configVariables },
    provider: {
      description: "The LiveKit project resources are managed in. Every setting falls back to its `LIVEKIT_*` environment variable.",
      inputProperties: configVariables,
    },
    resources,
    language: {
      python: {
        packageName: "pulumi_livekit",
        requires: { pulumi: ">=3.0.0,<4.0.0" },
        pyproject: { enabled: true },
        // The Python package gets the npm package's version, which is also the plugin's.
        respectSchemaVersion: true,
      },
    },
    // Sorted, so the committed schema reads (and diffs) the same whatever order types are met in.
    types: Object.fromEntries(Object.entries(types).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
