import type { PolicyResource, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { definitions } from "../../src/resources";
import { KINDS, kindOf, policyPackArgs, telephonyPolicies, typeTokens, type Kind } from "../../src/policy";

/**
 * The policies as @pulumi/policy runs them: which resources they see, the settings a config file
 * gives, and values unknown in preview, read through @pulumi/policy's own proxy (what its server
 * hands a policy), whose error its server reports as an advisory instead of a failure.
 */

// Internal to @pulumi/policy (no types): the proxy its server wraps props in, and its sentinels.
const proxy: {
  unknownCheckingProxy<T extends object>(props: T): T;
  unknownStringValue: string;
  unknownArrayValue: string;
  UnknownValueError: new (...args: never[]) => Error;
} = require("@pulumi/policy/proxy");

const policies = policyPackArgs().policies;
const policy = <T>(name: string) => policies.find((p) => p.name === name) as T;

function validateResource(name: string, type: string, props: Record<string, unknown>, config: object = {}) {
  const reported: { message: string; urn?: string }[] = [];
  const args = {
    type,
    props: proxy.unknownCheckingProxy(props),
    urn: `urn:pulumi:dev::telephony::${type}::carrier`,
    name: "carrier",
    getConfig: () => config,
  } as unknown as ResourceValidationArgs;
  let thrown: unknown;
  try {
    const validate = policy<ResourceValidationPolicy>(name).validateResource as (args: ResourceValidationArgs, report: ReportViolation) => void;
    validate(args, (message, urn) => reported.push({ message, ...(urn ? { urn } : {}) }));
  } catch (err) {
    thrown = err;
  }
  return { reported, thrown };
}

const stackResource = (type: string, name: string, props: Record<string, unknown>, propertyDependencies: Record<string, PolicyResource[]> = {}) =>
  ({ type, name, urn: `urn:pulumi:dev::telephony::${type}::${name}`, props: proxy.unknownCheckingProxy(props), propertyDependencies }) as unknown as PolicyResource;

function validateStack(name: string, resources: PolicyResource[], config: object = {}) {
  const reported: { message: string; urn?: string }[] = [];
  policy<StackValidationPolicy>(name).validateStack({ resources, getConfig: () => config } as unknown as StackValidationArgs, (message, urn) => reported.push({ message, ...(urn ? { urn } : {}) }));
  return reported;
}

it("knows every kind this package registers, by the type token its dynamic resources report, and the native provider's", () => {
  expect([...KINDS].sort()).toEqual(Object.keys(definitions).sort());
  for (const kind of KINDS) {
    expect(typeTokens(kind)).toEqual([`pulumi-nodejs:dynamic/livekit:${kind}`, `livekit:index:${kind}`]);
    for (const token of typeTokens(kind)) expect(kindOf(token)).toBe(kind);
  }
  expect(kindOf("pulumi-nodejs:dynamic:Resource")).toBeUndefined();
});

it("reads only properties that are arguments of their kind", () => {
  // Every property the checks read, per kind: a renamed argument must fail here, not silently pass.
  const reads: Record<Kind, string[]> = {
    InboundTrunk: ["numbers", "allowedAddresses", "allowedNumbers", "authUsername", "authPassword", "krispEnabled"],
    OutboundTrunk: ["transport", "media.encryption"],
    DispatchRule: ["rule.pin", "trunkIds", "numbers", "inboundNumbers", "krispEnabled", "roomConfig.agents", "roomPreset"],
    PhoneNumber: ["phoneNumber", "sipDispatchRuleId"],
  };
  for (const kind of KINDS) {
    for (const path of reads[kind]) {
      type Fields = Record<string, { fields?: Fields }>;
      let fields: Fields | undefined = definitions[kind].schema.fields as unknown as Fields;
      for (const key of path.split(".")) {
        expect({ kind, path, found: fields !== undefined && key in fields }).toEqual({ kind, path, found: true });
        fields = fields?.[key]?.fields;
      }
    }
  }
});

it("names every policy uniquely, and gives a config schema with defaults to those that take settings", () => {
  const names = policies.map((p) => p.name);
  expect(new Set(names).size).toBe(names.length);
  expect(names).toEqual(telephonyPolicies.map((p) => p.name));
  expect(policy<ResourceValidationPolicy>("livekit-outbound-trunk-unencrypted").configSchema?.properties).toEqual({
    requireTls: expect.objectContaining({ type: "boolean", default: true }),
    minimumMediaEncryption: expect.objectContaining({ type: "string", enum: ["allow", "require"], default: "allow" }),
  });
  expect(policy<StackValidationPolicy>("livekit-krisp-required").configSchema?.properties.requireKrisp).toEqual(expect.objectContaining({ default: false }));
  expect(policy<ResourceValidationPolicy>("livekit-inbound-trunk-open").configSchema).toBeUndefined();
});

describe("a resource policy", () => {
  it("checks both type tokens of its kind and ignores every other resource", () => {
    const open = { numbers: ["+14155550100"] };
    expect(validateResource("livekit-inbound-trunk-open", "pulumi-nodejs:dynamic/livekit:InboundTrunk", open).reported).toHaveLength(1);
    expect(validateResource("livekit-inbound-trunk-open", "livekit:index:InboundTrunk", open).reported).toHaveLength(1);
    expect(validateResource("livekit-inbound-trunk-open", "pulumi-nodejs:dynamic/livekit:OutboundTrunk", open).reported).toEqual([]);
    expect(validateResource("livekit-inbound-trunk-open", "aws:s3/bucket:Bucket", open).reported).toEqual([]);
  });

  it("ignores the dynamic provider's serialized code and control arguments", () => {
    const props = { __provider: "exports.handler = ...", adoptId: "ST_abc", allowNonE164Numbers: true, allowedAddresses: ["192.0.2.1"] };
    expect(validateResource("livekit-inbound-trunk-open", "pulumi-nodejs:dynamic/livekit:InboundTrunk", props)).toEqual({ reported: [], thrown: undefined });
  });

  it("rethrows @pulumi/policy's own error for an unknown value it cannot decide without, so Pulumi reports an advisory", () => {
    const { reported, thrown } = validateResource("livekit-inbound-trunk-open", "pulumi-nodejs:dynamic/livekit:InboundTrunk", {
      authUsername: "carrier",
      authPassword: proxy.unknownStringValue,
    });
    expect(reported).toEqual([]);
    expect(thrown).toBeInstanceOf(proxy.UnknownValueError);
    expect((thrown as Error).message).toMatch(/\.authPassword can't be known during preview/);
  });

  it("decides without reading an unknown value that does not matter", () => {
    const props = { allowedAddresses: ["192.0.2.1"], authPassword: proxy.unknownStringValue };
    expect(validateResource("livekit-inbound-trunk-open", "pulumi-nodejs:dynamic/livekit:InboundTrunk", props)).toEqual({ reported: [], thrown: undefined });
  });

  it("takes its settings from the config file, over its defaults", () => {
    const udp = { address: "sip.example.com", transport: "udp", media: { encryption: "allow" } };
    const type = "pulumi-nodejs:dynamic/livekit:OutboundTrunk";
    expect(validateResource("livekit-outbound-trunk-unencrypted", type, udp).reported).toHaveLength(1);
    expect(validateResource("livekit-outbound-trunk-unencrypted", type, udp, { requireTls: false }).reported).toEqual([]);
  });
});

describe("a stack policy", () => {
  const trunkType = "pulumi-nodejs:dynamic/livekit:InboundTrunk";
  const ruleType = "pulumi-nodejs:dynamic/livekit:DispatchRule";

  it("follows property dependencies to trunks whose IDs are unknown, and reports on the trunk's URN", () => {
    const trunk = stackResource(trunkType, "main", { numbers: ["+14155550100", "+14155550101"] });
    const rule = stackResource(ruleType, "sales", { rule: { type: "individual" }, trunkIds: [proxy.unknownStringValue], numbers: ["+14155550100"] }, { trunkIds: [trunk] });
    const stack = stackResource("pulumi:pulumi:Stack", "telephony-dev", {});
    expect(validateStack("livekit-number-without-route", [stack, trunk, rule])).toEqual([{ urn: trunk.urn, message: expect.stringContaining("answers +14155550101 but no dispatch rule") }]);
  });

  it("takes requireKrisp from the config file", () => {
    const trunk = stackResource(trunkType, "main", { numbers: ["+14155550100"] });
    const rule = stackResource(ruleType, "sales", { rule: { type: "individual" }, trunkIds: [proxy.unknownStringValue] }, { trunkIds: [trunk] });
    expect(validateStack("livekit-krisp-required", [trunk, rule])).toEqual([]);
    expect(validateStack("livekit-krisp-required", [trunk, rule], { requireKrisp: true })).toEqual([{ urn: rule.urn, message: expect.stringContaining("without Krisp") }]);
  });

  it("does nothing in a stack without LiveKit resources", () => {
    expect(validateStack("livekit-number-without-route", [stackResource("aws:s3/bucket:Bucket", "logs", {})])).toEqual([]);
  });
});
