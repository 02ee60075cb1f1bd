import { createRequire } from "node:module";
import { startEmulator, type RunningEmulator } from "../../../src/emulator";
import { packageSchema } from "../../../src/provider/native/packageSchema";
import { engineAddress, packageVersion, serve } from "../../../src/provider/native/server";
import { wireSecret } from "../../../src/provider/native/secrets";

/**
 * The provider's gRPC service as the engine speaks to it, in this process: the plugin's answers on
 * the wire (structs, secrets, detailed diffs, check failures), with the SDK's own client stubs.
 */

const sdkRequire = createRequire(require.resolve("@pulumi/pulumi/package.json"));
const grpc = sdkRequire("@grpc/grpc-js");
const { Struct } = sdkRequire("google-protobuf/google/protobuf/struct_pb");
const { Empty } = sdkRequire("google-protobuf/google/protobuf/empty_pb");
const proto = sdkRequire("./proto/provider_pb");
const { ResourceProviderClient } = sdkRequire("./proto/provider_grpc_pb");
const { EngineService } = sdkRequire("./proto/engine_grpc_pb");

type Props = Record<string, unknown>;
const urn = (type: string, name = "main") => `urn:pulumi:dev::proj::livekit:index:${type}::${name}`;

let emulator: RunningEmulator;
let server: { port: number; stop(): Promise<void> };
let client: any;
/** What the provider logged to the engine: a stand-in for the engine's Log service. */
const logged: { severity: number; message: string; urn: string }[] = [];
let engine: any;

/** One unary call, as a promise. */
const rpc = <T = any>(method: string, request: unknown): Promise<T> =>
  new Promise((resolve, reject) => client[method](request, (error: unknown, response: T) => (error ? reject(error) : resolve(response))));

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  engine = new grpc.Server();
  engine.addService(EngineService, {
    log: (call: any, callback: any) => {
      logged.push({ severity: call.request.getSeverity(), message: call.request.getMessage(), urn: call.request.getUrn() });
      callback(null, new Empty());
    },
  });
  const enginePort = await new Promise<number>((resolve, reject) => engine.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e: Error | null, p: number) => (e ? reject(e) : resolve(p))));
  // As the engine starts the plugin: flags, then its own address.
  server = await serve(["--logtostderr", "-v=9", `127.0.0.1:${enginePort}`]);
  client = new ResourceProviderClient(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure());
});
afterAll(async () => {
  client?.close();
  await server?.stop();
  engine?.forceShutdown();
  await emulator?.close();
});

it("says its version and serves the package schema", async () => {
  expect((await rpc("getPluginInfo", new Empty())).getVersion()).toBe(packageVersion());
  const schema = await rpc("getSchema", new proto.GetSchemaRequest().setVersion(0));
  expect(JSON.parse(schema.getSchema())).toEqual(packageSchema(packageVersion()));
});

it("stores the API secret secret (CheckConfig), and takes the provider's settings with secrets (Configure)", async () => {
  const checked = await rpc("checkConfig", new proto.CheckRequest().setUrn("urn:pulumi:dev::proj::pulumi:providers:livekit::default").setNews(Struct.fromJavaScript({ apiSecret: "plain" })));
  expect(checked.getInputs().toJavaScript()).toEqual({ apiSecret: wireSecret("plain") });
  const configured = await rpc(
    "configure",
    new proto.ConfigureRequest().setArgs(Struct.fromJavaScript({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: wireSecret(emulator.apiSecret) as Props })),
  );
  expect([configured.getAcceptsecrets(), configured.getSupportspreview()]).toEqual([true, true]);
});

it("answers previews of creates and updates with predicted outputs, unknowns as Pulumi's marker, and calls no LiveKit", async () => {
  const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
  const inputs = { numbers: ["+14155550100"], authUsername: "u", authPassword: wireSecret("pw") };
  const planned = await rpc("create", new proto.CreateRequest().setUrn(urn("InboundTrunk")).setProperties(Struct.fromJavaScript(inputs)).setPreview(true));
  expect([planned.getId(), planned.getProperties().toJavaScript()]).toEqual(["", expect.objectContaining({ ...inputs, sipTrunkId: unknown })]);
  expect(emulator.store.list("inboundTrunk")).toEqual([]);

  const created = await rpc("create", new proto.CreateRequest().setUrn(urn("InboundTrunk")).setProperties(Struct.fromJavaScript(inputs)));
  const outs = created.getProperties().toJavaScript();
  const news = { ...inputs, name: unknown };
  const request = new proto.UpdateRequest().setId(created.getId()).setUrn(urn("InboundTrunk")).setOlds(Struct.fromJavaScript(outs)).setNews(Struct.fromJavaScript(news));
  const previewed = await rpc("update", request.setOldInputs(Struct.fromJavaScript(inputs)).setPreview(true));
  expect(previewed.getProperties().toJavaScript()).toMatchObject({ sipTrunkId: created.getId(), name: unknown, authPassword: wireSecret("pw") });
  expect(emulator.store.list("inboundTrunk")).toEqual([expect.objectContaining({ name: "" })]);
  await rpc("delete", new proto.DeleteRequest().setId(created.getId()).setUrn(urn("InboundTrunk")).setProperties(Struct.fromJavaScript(outs)));
});

it("checks, creates, diffs with detail, updates, reads and deletes over the wire", async () => {
  const checked = await rpc("check", new proto.CheckRequest().setUrn(urn("InboundTrunk")).setOlds(Struct.fromJavaScript({})).setNews(Struct.fromJavaScript({ numbers: ["+1 415 555 0100"], authUsername: "u", authPassword: "pw" })));
  expect(checked.getFailuresList()).toEqual([]);
  const inputs = checked.getInputs().toJavaScript();
  expect(inputs).toEqual({ numbers: ["+14155550100"], authUsername: "u", authPassword: wireSecret("pw") });

  const created = await rpc("create", new proto.CreateRequest().setUrn(urn("InboundTrunk")).setProperties(Struct.fromJavaScript(inputs)));
  const id = created.getId();
  const outs = created.getProperties().toJavaScript();
  expect(outs).toMatchObject({ sipTrunkId: id, authPassword: wireSecret("pw") });

  const news = { ...inputs, name: "renamed" };
  const diff = await rpc("diff", new proto.DiffRequest().setId(id).setUrn(urn("InboundTrunk")).setOlds(Struct.fromJavaScript(outs)).setNews(Struct.fromJavaScript(news)));
  expect([diff.getChanges(), diff.getDiffsList(), diff.getHasdetaileddiff()]).toEqual([proto.DiffResponse.DiffChanges.DIFF_SOME, ["name"], true]);
  expect(diff.getDetaileddiffMap().get("name").getKind()).toBe(proto.PropertyDiff.Kind.UPDATE);

  const updated = await rpc("update", new proto.UpdateRequest().setId(id).setUrn(urn("InboundTrunk")).setOlds(Struct.fromJavaScript(outs)).setNews(Struct.fromJavaScript(news)));
  expect(updated.getProperties().toJavaScript()).toMatchObject({ name: "renamed" });

  const imported = await rpc("read", new proto.ReadRequest().setId(id).setUrn(urn("InboundTrunk", "imported")).setProperties(Struct.fromJavaScript({})));
  expect([imported.getId(), imported.getInputs().toJavaScript()]).toEqual([id, { name: "renamed", numbers: ["+14155550100"], authUsername: "u", authPassword: wireSecret("pw") }]);

  await rpc("delete", new proto.DeleteRequest().setId(id).setUrn(urn("InboundTrunk")).setProperties(Struct.fromJavaScript(outs)));
  expect(emulator.store.list("inboundTrunk")).toEqual([]);
  const gone = await rpc("read", new proto.ReadRequest().setId(id).setUrn(urn("InboundTrunk")).setProperties(Struct.fromJavaScript(outs)));
  expect([gone.getId(), gone.hasProperties()]).toEqual(["", false]);
});

it("answers check failures as failures, and LiveKit's refusals as the step's error", async () => {
  const checked = await rpc("check", new proto.CheckRequest().setUrn(urn("DispatchRule")).setOlds(Struct.fromJavaScript({})).setNews(Struct.fromJavaScript({ rule: { type: "direct" } })));
  expect(checked.getFailuresList().map((f: any) => [f.getProperty(), f.getReason()])).toEqual([["rule.roomName", "expected a string, got nothing (the property is required)"]]);
  await expect(rpc("create", new proto.CreateRequest().setUrn(urn("OutboundTrunk", "dialer")).setProperties(Struct.fromJavaScript({ address: "sip.example.com" })))).rejects.toMatchObject({
    code: grpc.status.UNKNOWN,
    details: expect.stringMatching(/^OutboundTrunk "dialer": /),
  });
});

it("answers UNIMPLEMENTED for what the provider does not offer (functions, components)", async () => {
  await expect(rpc("invoke", new proto.InvokeRequest().setTok("livekit:index:getTrunk"))).rejects.toMatchObject({ code: grpc.status.UNIMPLEMENTED });
});

it("reports check's warnings to the engine as the resource's warnings (the CLI hides a native plugin's stderr)", async () => {
  const checked = await rpc(
    "check",
    new proto.CheckRequest().setUrn(urn("DispatchRule", "private")).setOlds(Struct.fromJavaScript({})).setNews(Struct.fromJavaScript({ rule: { type: "individual" }, hidePhoneNumber: true })),
  );
  expect(checked.getFailuresList()).toEqual([]);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(logged).toEqual([{ severity: 2, urn: urn("DispatchRule", "private"), message: expect.stringMatching(/^hidePhoneNumber with an individual rule names rooms after the caller's last 4 digits/) }]);
});

it("finds the engine's address among the plugin's arguments", () => {
  expect(engineAddress(["--logtostderr", "-v=9", "--tracing", "http://trace", "127.0.0.1:4000"])).toBe("127.0.0.1:4000");
  expect(engineAddress([])).toBeUndefined();
});
