import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { Props, wrapSecret } from "./wireValues";

export interface CheckFailure {
  property: string;
  reason: string;
}
export interface CheckResult {
  inputs: Props;
  failures: CheckFailure[];
}
export type DiffChanges = "none" | "some" | "unknown";
export interface DiffResult {
  changes: DiffChanges;
  replaces: string[];
  deleteBeforeReplace: boolean;
  diffs: string[];
  /** Always empty with the Node host (it drops `stables`); kept so a test can prove that. */
  stables: string[];
}
export interface CreateResult {
  id: string;
  outs: Props;
}
export interface ReadResult {
  /** Empty when the provider reported the resource gone. */
  id: string;
  props: Props;
  inputs?: Props;
}
export interface UpdateResult {
  outs: Props;
}

/** A failed provider RPC: `message` is the gRPC status message, `code` the gRPC status code (2 for thrown errors). */
export class ProviderRpcError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "ProviderRpcError";
  }
}

/** Plain-JS view of the ResourceProvider RPCs the engine uses for dynamic resources. */
export interface ProviderClient {
  getPluginInfo(): Promise<{ version: string }>;
  configure(config: Record<string, string>, secretKeys?: readonly string[]): Promise<{ acceptSecrets: boolean }>;
  check(urn: string, olds: Props, news: Props): Promise<CheckResult>;
  diff(urn: string, id: string, olds: Props, news: Props, oldInputs?: Props): Promise<DiffResult>;
  create(urn: string, props: Props): Promise<CreateResult>;
  read(urn: string, id: string, props: Props, inputs?: Props): Promise<ReadResult>;
  update(urn: string, id: string, olds: Props, news: Props, oldInputs?: Props): Promise<UpdateResult>;
  delete(urn: string, id: string, props: Props, oldInputs?: Props): Promise<void>;
  close(): void;
}

type Callback<Res> = (err: grpc.ServiceError | null, res: Res) => void;
type Unary<Req, Res> = (req: Req, md: grpc.Metadata, opts: Partial<grpc.CallOptions>, cb: Callback<Res>) => unknown;

const DIFF_CHANGES: Record<number, DiffChanges> = {
  [proto.DiffResponse.DiffChanges.DIFF_NONE]: "none",
  [proto.DiffResponse.DiffChanges.DIFF_SOME]: "some",
  [proto.DiffResponse.DiffChanges.DIFF_UNKNOWN]: "unknown",
};

function toStruct(props: Props): Struct {
  return Struct.fromJavaScript(props as Parameters<typeof Struct.fromJavaScript>[0]);
}

function fromStruct(struct: Struct | undefined): Props {
  return (struct?.toJavaScript() ?? {}) as Props;
}

/** Fills the fields every resource RPC carries; the engine derives name and type from the URN. */
function withUrn<T extends { setUrn(v: string): T; setName(v: string): T; setType(v: string): T }>(
  req: T,
  urn: string,
): T {
  const parts = urn.split("::");
  return req
    .setUrn(urn)
    .setName(parts[3] ?? "")
    .setType((parts[2] ?? "").split("$").pop() ?? "");
}

interface ChangeRequest<T> {
  setId(v: string): T;
  setOlds(v?: Struct): T;
  setNews(v?: Struct): T;
  setOldInputs(v?: Struct): T;
}

/** Diff and Update carry the same payload: old outputs as `olds`, checked inputs as `news`, and the old inputs. */
function withChange<T extends ChangeRequest<T>>(req: T, id: string, olds: Props, news: Props, oldInputs?: Props): T {
  req.setId(id).setOlds(toStruct(olds)).setNews(toStruct(news));
  return oldInputs ? req.setOldInputs(toStruct(oldInputs)) : req;
}

/**
 * The engine sends the stack config twice: as typed `args` (secrets wrapped in the secret signature) and as the
 * legacy `variables` map whose keys it prefixes with "<package>:config:" (provider_plugin.go Configure).
 */
function configureRequest(config: Record<string, string>, secretKeys: readonly string[]): proto.ConfigureRequest {
  const args: Props = {};
  const req = new proto.ConfigureRequest();
  for (const [key, value] of Object.entries(config)) {
    args[key] = secretKeys.includes(key) ? wrapSecret(value) : value;
    req.getVariablesMap().set(`pulumi-nodejs:config:${key}`, value);
  }
  return req
    .setArgs(toStruct(args))
    .setAcceptsecrets(true)
    .setAcceptresources(true)
    .setSendsOldInputs(true)
    .setSendsOldInputsToDelete(true);
}

export function connectProviderClient(port: number, callTimeoutMs = 60_000): ProviderClient {
  const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());

  function call<Req, Res>(method: string, fn: Unary<Req, Res>, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
      fn.call(client, req, new grpc.Metadata(), { deadline: Date.now() + callTimeoutMs }, (err, res) => {
        if (err) {
          reject(new ProviderRpcError(method, err.code, err.details || err.message));
        } else {
          resolve(res);
        }
      });
    });
  }

  return {
    async getPluginInfo() {
      const res = await call("getPluginInfo", client.getPluginInfo as Unary<Empty, { getVersion(): string }>, new Empty());
      return { version: res.getVersion() };
    },
    async configure(config, secretKeys = []) {
      const res = await call("configure", client.configure, configureRequest(config, secretKeys));
      return { acceptSecrets: res.getAcceptsecrets() };
    },
    async check(urn, olds, news) {
      const req = withUrn(new proto.CheckRequest(), urn).setOlds(toStruct(olds)).setNews(toStruct(news));
      const res = await call("check", client.check, req);
      return {
        inputs: fromStruct(res.getInputs()),
        failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async diff(urn, id, olds, news, oldInputs) {
      const res = await call("diff", client.diff, withChange(withUrn(new proto.DiffRequest(), urn), id, olds, news, oldInputs));
      return {
        changes: DIFF_CHANGES[res.getChanges()] ?? "unknown",
        replaces: res.getReplacesList(),
        deleteBeforeReplace: res.getDeletebeforereplace(),
        diffs: res.getDiffsList(),
        stables: res.getStablesList(),
      };
    },
    async create(urn, props) {
      const res = await call("create", client.create, withUrn(new proto.CreateRequest(), urn).setProperties(toStruct(props)));
      return { id: res.getId(), outs: fromStruct(res.getProperties()) };
    },
    async read(urn, id, props, inputs) {
      const req = withUrn(new proto.ReadRequest(), urn).setId(id).setProperties(toStruct(props));
      if (inputs) {
        req.setInputs(toStruct(inputs));
      }
      const res = await call("read", client.read, req);
      const liveInputs = res.getInputs();
      return { id: res.getId(), props: fromStruct(res.getProperties()), ...(liveInputs ? { inputs: fromStruct(liveInputs) } : {}) };
    },
    async update(urn, id, olds, news, oldInputs) {
      const res = await call("update", client.update, withChange(withUrn(new proto.UpdateRequest(), urn), id, olds, news, oldInputs));
      return { outs: fromStruct(res.getProperties()) };
    },
    async delete(urn, id, props, oldInputs) {
      const req = withUrn(new proto.DeleteRequest(), urn).setId(id).setProperties(toStruct(props));
      if (oldInputs) {
        req.setOldInputs(toStruct(oldInputs));
      }
      await call("delete", client.delete, req);
    },
    close: () => client.close(),
  };
}
