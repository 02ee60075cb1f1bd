import { isDeepStrictEqual } from "node:util";
import { parse } from "yaml";
import { buildExportModel, renderProgram, renderSpecYaml } from "../../../src/tools/export";
import type { LiveProject } from "../../../src/resources/liveProject";
import { camelCase, LogicalNames } from "../../../src/tools/export/logicalNames";
import { type SchemaNode, withoutDefaults } from "../../../src/schema/withoutDefaults";
import { definitions, type ResourceType } from "../../../src/resources";
import { validateSpec } from "../../../src/stack/validateSpec";
import { fullDispatchRule, fullInboundTrunk, fullOutboundTrunk } from "../../fixtures/fullArgs";

/** An object as LiveKit lists it: every field, defaults included. */
const live = (type: ResourceType, id: string, args: object) => ({
  ...(definitions[type].schema.canonical(undefined) as object),
  ...(definitions[type].schema.toWire(args as never) as object),
  [definitions[type].idField]: id,
});
const project = (p: Partial<LiveProject>): LiveProject => ({ InboundTrunk: [], OutboundTrunk: [], DispatchRule: [], ...p });
const yamlOptions = { url: "https://example.livekit.cloud", project: "livekit-telephony", key: "telephony" };

describe("logical names", () => {
  it("are camelCase identifiers from LiveKit names, unique, never a keyword, with the kind as fallback", () => {
    expect(["Twilio inbound (US)", "SIP Trunk", "Zürich office", "myTrunk"].map(camelCase)).toEqual(["twilioInboundUs", "sipTrunk", "zurichOffice", "myTrunk"]);
    const names = new LogicalNames();
    expect([["Office"], ["Office"], [""], ["24x7 line"], ["default"], ["config"]].map(([label]) => names.claim(label, "dispatchRule"))).toEqual([
      "office",
      "office2",
      "dispatchRule",
      "dispatchRule24x7Line",
      "default2",
      "config2",
    ]);
  });
});

describe("export mapping", () => {
  it.each([
    ["InboundTrunk", fullInboundTrunk],
    ["OutboundTrunk", fullOutboundTrunk],
    ["DispatchRule", fullDispatchRule],
  ] as const)("leaves out what equals LiveKit's defaults without changing what %s means", (type, args) => {
    const schema = definitions[type].schema;
    const full = schema.fromWire(live(type, "X", args)) as Record<string, unknown>;
    const kept = withoutDefaults(schema.fields as Record<string, SchemaNode>, full);
    expect(isDeepStrictEqual(schema.canonical(kept as never), schema.canonical(full as never))).toBe(true);
    expect(JSON.stringify(kept)).not.toMatch(/:(""|0|false|\[\]|\{\})[,}]/);
  });

  it("keeps required fields even when empty, and drops messages that hold only defaults", () => {
    const wire = live("DispatchRule", "SDR_x", { rule: { type: "direct", roomName: "" }, media: {}, roomConfig: { agents: [{ agentName: "a" }] } });
    const full = definitions.DispatchRule.schema.fromWire(wire) as Record<string, unknown>;
    expect(withoutDefaults(definitions.DispatchRule.schema.fields as Record<string, SchemaNode>, full)).toEqual({
      rule: { type: "direct", roomName: "" },
      roomConfig: { agents: [{ agentName: "a" }] },
    });
  });

  it("turns egress credentials into config secrets; a spec cannot hold them and says so", () => {
    const rule = { ...fullDispatchRule, roomConfig: { egress: { tracks: { filepath: "calls/", s3: { bucket: "b", accessKey: "AKIA", secret: "s3-secret-key" } } } } };
    const model = buildExportModel(project({ DispatchRule: [live("DispatchRule", "SDR_r", rule)] }));
    expect(model.secrets).toEqual([{ configKey: "receptionistEgressTracksS3Secret", describes: 'roomConfig.egress.tracks.s3.secret of dispatch rule "Receptionist" (SDR_r)' }]);
    const program = renderProgram(model, yamlOptions);
    expect(program).toContain('secret: config.requireSecret("receptionistEgressTracksS3Secret"),');
    const yaml = renderSpecYaml(model, yamlOptions);
    expect(yaml).toContain("# Review before `pulumi up`:\n#   - dispatch rule \"Receptionist\" (SDR_r): a spec takes secrets only in authPassword");
    const spec = parse(yaml).config["livekit-telephony:telephony"];
    expect(validateSpec(spec)).toEqual([{ property: "dispatchRules.receptionist.roomConfig.egress", reason: expect.stringContaining("not a valid LiveKit message") }]);
    for (const text of [program, yaml]) expect(text).not.toContain("s3-secret-key");
  });

  it("warns about objects our checks reject and passwords LiveKit did not report", () => {
    const model = buildExportModel(
      project({
        InboundTrunk: [live("InboundTrunk", "ST_a", { name: "Hidden password", numbers: ["+14155550100"], authUsername: "u" })],
        OutboundTrunk: [live("OutboundTrunk", "ST_b", { name: "No numbers", address: "sip.example.com", numbers: [] })],
      }),
    );
    expect(model.warnings).toEqual([
      expect.stringMatching(/^inbound trunk "Hidden password" \(ST_a\) has a username but LiveKit reported no password\./),
      'outbound trunk "No numbers" (ST_b): numbers: an outbound trunk needs at least one number to call from (LiveKit rejects an empty list). `pulumi up` stops at this resource until it is fixed.',
    ]);
    expect(renderSpecYaml(model, yamlOptions)).toContain("#   - outbound trunk \"No numbers\" (ST_b): numbers:");
  });

  it("writes an empty project as an empty spec and a program without resources", () => {
    const model = buildExportModel(project({}));
    expect(parse(renderSpecYaml(model, yamlOptions))).toEqual({ config: { "livekit-telephony:telephony": {} } });
    expect(renderProgram(model, yamlOptions)).not.toMatch(/^import|new [A-Z]/m);
  });
});
