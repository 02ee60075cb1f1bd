import { createRequire } from "node:module";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as structTypes from "google-protobuf/google/protobuf/struct_pb";
import type * as pluginTypes from "@pulumi/pulumi/proto/plugin_pb";
import type * as providerTypes from "@pulumi/pulumi/proto/provider_pb";
import type * as engineTypes from "@pulumi/pulumi/proto/engine_pb";
import { NativeProvider, type PropertyChange } from "./provider";
import { packageSchema } from "./packageSchema";

/**
 * Pulumi's ResourceProvider gRPC service for the native provider, on the Node.js SDK's own gRPC
 * library and generated protocol messages (loaded from where `@pulumi/pulumi` resolves them, so
 * they are the instances it uses).
 *
 * Not the SDK's provider server (`@pulumi/pulumi/provider`, `main()`): its Configure drops the
 * provider's configuration (no `livekit:url`, no secret `livekit:apiSecret`: the provider could
 * never reach LiveKit with the stack's settings), its CheckConfig is unimplemented (the API secret
 * could be stored in plain text), and its Diff sends no detailed diff. Pulumi's own dynamic-provider
 * host is built the same way, for the same reason.
 */
const sdkRequire = createRequire(require.resolve("@pulumi/pulumi/package.json"));
const grpc: typeof grpcTypes = sdkRequire("@grpc/grpc-js");
const { Struct }: typeof structTypes = sdkRequire("google-protobuf/google/protobuf/struct_pb");
const { Empty } = sdkRequire("google-protobuf/google/protobuf/empty_pb");
const plugin: typeof pluginTypes = sdkRequire("./proto/plugin_pb");
const proto: typeof providerTypes = sdkRequire("./proto/provider_pb");
const { ResourceProviderService } = sdkRequire("./proto/provider_grpc_pb");
const engineProto: typeof engineTypes = sdkRequire("./proto/engine_pb");
const { EngineClient } = sdkRequire("./proto/engine_grpc_pb");

type Props = Record<string, unknown>;
type Callback = (error: Partial<grpcTypes.StatusObject> | null, response?: unknown) => void;
type Call<R> = { request: R };

/** A struct for the wire: the engine's values hold no `undefined`, and Struct refuses it. */
const struct = (value: Props | undefined) => Struct.fromJavaScript(JSON.parse(JSON.stringify(value ?? {})));
const props = (value: structTypes.Struct | undefined): Props => (value?.toJavaScript() ?? {}) as Props;

const kinds: Record<PropertyChange, providerTypes.PropertyDiff.Kind> = {
  add: proto.PropertyDiff.Kind.ADD,
  delete: proto.PropertyDiff.Kind.DELETE,
  update: proto.PropertyDiff.Kind.UPDATE,
  "update-replace": proto.PropertyDiff.Kind.UPDATE_REPLACE,
};

function failuresOf(failures: { property: string; reason: string }[] | undefined): providerTypes.CheckFailure[] {
  return (failures ?? []).map((f) => new proto.CheckFailure().setProperty(f.property).setReason(f.reason));
}

/** Answers one request; a failure reaches the CLI as the error of the resource's step. */
function answer<R>(handle: (request: R) => Promise<unknown> | unknown) {
  return (call: Call<R>, callback: Callback) => {
    Promise.resolve()
      .then(() => handle(call.request))
      .then(
        (response) => callback(null, response),
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          callback({ code: grpc.status.UNKNOWN, details: message });
        },
      );
  };
}

/**
 * The engine's Log service, where a resource's warnings become its diagnostics. The CLI hides what
 * a native provider writes to stderr (it shows a dynamic provider host's), so this is how check's
 * warnings reach `pulumi preview`.
 */
export class EngineLog {
  private client: { log(request: engineTypes.LogRequest, callback: (error: unknown) => void): void } | undefined;

  connect(address: string | undefined): void {
    this.client = address ? new EngineClient(address, grpc.credentials.createInsecure()) : undefined;
  }

  warn(urn: string | undefined, warning: string): void {
    if (!this.client) {
      console.warn(`warning: ${warning}`);
      return;
    }
    const request = new engineProto.LogRequest().setSeverity(engineProto.LogSeverity.WARNING).setMessage(warning);
    if (urn) request.setUrn(urn);
    this.client.log(request, (error) => {
      if (error) console.warn(`warning: ${warning}`);
    });
  }
}

/** The engine's address among the plugin's arguments: the first that is not a logging flag. */
export function engineAddress(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--tracing") i++;
    else if (args[i] !== "--logtostderr" && !args[i].startsWith("-v=")) return args[i];
  }
  return undefined;
}

/** The service's methods; the protocol's others (invoke, construct, call, …) answer UNIMPLEMENTED. */
export function providerService(provider: NativeProvider, engine?: EngineLog) {
  let schema: string | undefined;
  return {
    getPluginInfo: answer(() => new plugin.PluginInfo().setVersion(provider.version)),
    getSchema: answer((request: providerTypes.GetSchemaRequest) => {
      if (request.getVersion() !== 0) throw new Error(`unsupported schema version ${request.getVersion()}`);
      schema ??= JSON.stringify(packageSchema(provider.version));
      return new proto.GetSchemaResponse().setSchema(schema);
    }),
    checkConfig: answer((request: providerTypes.CheckRequest) => {
      const { inputs, failures } = provider.checkConfig(props(request.getNews()));
      return new proto.CheckResponse().setInputs(struct(inputs)).setFailuresList(failuresOf(failures));
    }),
    configure: answer((request: providerTypes.ConfigureRequest) => {
      const args = props(request.getArgs());
      // Engines before `args` existed sent only `variables`, keyed `livekit:config:<key>`.
      if (Object.keys(args).length === 0) {
        for (const [key, value] of request.getVariablesMap().entries()) args[key.replace(/^[^:]+:config:/, "")] = value;
      }
      provider.configure(args);
      // Secrets come wrapped (and go back wrapped). Previews of creates and updates are answered
      // here: otherwise the engine previews every output of an updated resource as unknown, and
      // a rule naming its trunk's sipTrunkId would show as changing whenever the trunk does.
      return new proto.ConfigureResponse().setAcceptsecrets(true).setAcceptresources(false).setSupportspreview(true).setAcceptoutputs(false);
    }),
    check: answer(async (request: providerTypes.CheckRequest) => {
      const { inputs, failures } = await provider.check(request.getUrn(), props(request.getOlds()), props(request.getNews()));
      return new proto.CheckResponse().setInputs(struct(inputs)).setFailuresList(failuresOf(failures));
    }),
    diff: answer(async (request: providerTypes.DiffRequest) => {
      const diff = await provider.diff(request.getId(), request.getUrn(), props(request.getOlds()), props(request.getNews()));
      const response = new proto.DiffResponse()
        .setChanges(diff.changes ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE)
        .setReplacesList(diff.replaces)
        .setDeletebeforereplace(diff.deleteBeforeReplace)
        .setDiffsList(Object.keys(diff.detailedDiff))
        .setHasdetaileddiff(true);
      for (const [key, change] of Object.entries(diff.detailedDiff)) {
        response.getDetaileddiffMap().set(key, new proto.PropertyDiff().setKind(kinds[change]).setInputdiff(true));
      }
      return response;
    }),
    create: answer(async (request: providerTypes.CreateRequest) => {
      if (request.getPreview()) return new proto.CreateResponse().setProperties(struct(provider.previewCreate(request.getUrn(), props(request.getProperties()))));
      const { id, outs } = await provider.create(request.getUrn(), props(request.getProperties()));
      return new proto.CreateResponse().setId(id).setProperties(struct(outs));
    }),
    read: answer(async (request: providerTypes.ReadRequest) => {
      const result = await provider.read(request.getId(), request.getUrn(), props(request.getProperties()));
      const response = new proto.ReadResponse().setId(result.id ?? "");
      // An empty ID (and no properties) tells the engine the object is gone.
      if (result.id) response.setProperties(struct(result.props)).setInputs(struct(result.inputs));
      return response;
    }),
    update: answer(async (request: providerTypes.UpdateRequest) => {
      if (request.getPreview()) {
        const oldInputs = request.getOldInputs();
        const predicted = provider.previewUpdate(request.getId(), request.getUrn(), props(request.getOlds()), props(request.getNews()), oldInputs && props(oldInputs));
        return new proto.UpdateResponse().setProperties(struct(predicted));
      }
      const { outs } = await provider.update(request.getId(), request.getUrn(), props(request.getOlds()), props(request.getNews()));
      return new proto.UpdateResponse().setProperties(struct(outs));
    }),
    delete: answer(async (request: providerTypes.DeleteRequest) => {
      await provider.delete(request.getId(), request.getUrn(), props(request.getProperties()));
      return new Empty();
    }),
    cancel: answer(() => new Empty()),
    // A plugin started by a debugger (PULUMI_DEBUG_PROVIDERS) learns the engine's address here.
    attach: answer((request: { getAddress(): string }) => {
      engine?.connect(request.getAddress());
      return new Empty();
    }),
  };
}

/** The provider's version: the package's. */
export const packageVersion = (): string => require("../../../package.json").version;

/**
 * Serves the provider on a free local port, which the engine reads from the first line of stdout;
 * `args` are the plugin's arguments, the engine's address among them.
 */
export async function serve(args: string[] = []): Promise<{ port: number; stop(): Promise<void> }> {
  const engine = new EngineLog();
  engine.connect(engineAddress(args));
  const provider = new NativeProvider(packageVersion(), (urn, warning) => engine.warn(urn, warning));
  const server = new grpc.Server({ "grpc.max_receive_message_length": 1024 * 1024 * 400, "grpc.max_send_message_length": 1024 * 1024 * 400 });
  server.addService(ResourceProviderService, providerService(provider, engine));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  return { port, stop: () => new Promise((resolve) => server.tryShutdown(() => resolve())) };
}
