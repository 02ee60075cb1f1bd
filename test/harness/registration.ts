import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { ReadResourceRequest, RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import type { ResourceIdentity } from "./engineTypes";
import { Props, toProviderProps } from "./wireValues";

/** What the program asked the engine for, decoded from the raw monitor request. */
export interface Registration extends ResourceIdentity {
  /** "read" for `Resource.get` / `opts.id`, "register" for everything else. */
  kind: "register" | "read";
  /** Inputs as the engine hands them to a dynamic provider: secrets unwrapped, UNKNOWN kept. */
  inputs: Props;
  secretInputs: string[];
  /** For kind "read": the id to read. */
  id?: string;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  additionalSecretOutputs: string[];
  provider: string;
  protect: boolean;
  retainOnDelete: boolean;
  deleteBeforeReplace: boolean;
  /** Options the MiniEngine does not reproduce; non-empty ones make the registration fail loudly. */
  unsupported: string[];
}

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

function qualifiedType(urn: string): string {
  return urn.split("::")[2] ?? "";
}

/**
 * The engine's URN scheme (deployment.go generateURN): a child's type is prefixed with its parent's qualified type,
 * except when the parent is the root stack.
 */
export function engineUrn(stack: string, project: string, parent: string, type: string, name: string): string {
  const prefix = parent && qualifiedType(parent) !== ROOT_STACK_TYPE ? `${qualifiedType(parent)}$` : "";
  return `urn:pulumi:${stack}::${project}::${prefix}${type}::${name}`;
}

/** MockMonitor.newUrn's scheme, which also prefixes the root stack; the tap maps between the two. */
export function mockMonitorUrn(stack: string, project: string, parent: string, type: string, name: string): string {
  const prefix = parent ? `${qualifiedType(parent).split("$").pop()}$` : "";
  return `urn:pulumi:${stack}::${project}::${prefix}${type}::${name}`;
}

function unsupportedOptions(req: RegisterResourceRequest): string[] {
  const found: string[] = [];
  const lists: [string, unknown[]][] = [
    ["ignoreChanges", req.getIgnorechangesList()],
    ["replaceOnChanges", req.getReplaceonchangesList()],
    ["aliases", [...req.getAliasesList(), ...req.getAliasurnsList()]],
    ["replaceWith", req.getReplaceWithList()],
    ["hooks", req.getHooks() ? [req.getHooks()] : []],
  ];
  for (const [option, values] of lists) {
    if (values.length > 0) {
      found.push(option);
    }
  }
  if (req.getImportid()) {
    found.push("import");
  }
  if (req.getDeletedwith()) {
    found.push("deletedWith");
  }
  return found;
}

/** The getters RegisterResourceRequest and ReadResourceRequest share. */
interface ResourceRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getDependenciesList(): string[];
  getAdditionalsecretoutputsList(): string[];
  getProvider(): string;
}

type Common = Omit<Registration, "kind" | "custom" | "propertyDependencies" | "protect" | "retainOnDelete" | "deleteBeforeReplace" | "unsupported">;

function decodeCommon(req: ResourceRequest, properties: Struct | undefined, stack: string, project: string): Common {
  const { props, secretKeys } = toProviderProps((properties?.toJavaScript() ?? {}) as Props);
  return {
    urn: engineUrn(stack, project, req.getParent(), req.getType(), req.getName()),
    type: req.getType(),
    name: req.getName(),
    parent: req.getParent(),
    inputs: props,
    secretInputs: secretKeys,
    dependencies: req.getDependenciesList(),
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    provider: req.getProvider(),
  };
}

export function decodeRegister(req: RegisterResourceRequest, stack: string, project: string): Registration {
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((deps, key) => {
    propertyDependencies[key] = deps.getUrnsList();
  });
  return {
    ...decodeCommon(req, req.getObject(), stack, project),
    kind: "register",
    custom: req.getCustom(),
    propertyDependencies,
    protect: req.getProtect() === true,
    retainOnDelete: req.getRetainondelete() === true,
    deleteBeforeReplace: req.getDeletebeforereplace(),
    unsupported: unsupportedOptions(req),
  };
}

export function decodeRead(req: ReadResourceRequest, stack: string, project: string): Registration {
  return {
    ...decodeCommon(req, req.getProperties(), stack, project),
    kind: "read",
    custom: true,
    id: req.getId(),
    propertyDependencies: {},
    protect: false,
    retainOnDelete: false,
    deleteBeforeReplace: false,
    unsupported: [],
  };
}
