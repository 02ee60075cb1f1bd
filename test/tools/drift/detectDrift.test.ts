import type { LiveProject } from "../../../src/resources/liveProject";
import { detectDrift, hasDrift, renderDrift } from "../../../src/tools/drift";
import { knownIdKey } from "../../../src/tools/drift/matchResources";
import type { DesiredResource } from "../../../src/tools/offline/desiredResource";
import { refFor } from "../../../src/tools/offline/resourceRefs";
import { definitions, type ResourceType } from "../../../src/resources";

/** A live object as LiveKit lists it (camelCase JSON), from resource arguments. */
function live(type: ResourceType, id: string, args: Record<string, unknown>) {
  return { ...(definitions[type].schema.toWire(args as never) as object), [definitions[type].idField]: id };
}

const mainTrunk = { name: "Main", numbers: ["+14155550100", "+14155550101"], authUsername: "u", authPassword: "live-password" };
const rule = { name: "Reception", rule: { type: "direct", roomName: "lobby", pin: "1234" }, roomConfig: { agents: [{ agentName: "receptionist" }] } };

function project(overrides: Partial<LiveProject> = {}): LiveProject {
  return {
    InboundTrunk: [live("InboundTrunk", "ST_main", mainTrunk)],
    OutboundTrunk: [],
    DispatchRule: [live("DispatchRule", "SDR_reception", { ...rule, trunkIds: ["ST_main"] })],
    ...overrides,
  };
}

const desired = (over: { trunk?: object; rule?: object; ruleTrunks?: unknown[] } = {}): DesiredResource[] => [
  { type: "InboundTrunk", name: "main", adoptId: "ST_main", args: { ...mainTrunk, authPassword: "[secret]", ...over.trunk } },
  { type: "DispatchRule", name: "reception", adoptId: "SDR_reception", args: { ...rule, trunkIds: over.ruleTrunks ?? [refFor("InboundTrunk", "main")], ...over.rule } },
];

describe("detectDrift", () => {
  it("finds nothing when LiveKit matches: trunk references resolve to the trunk's ID, set order and defaults do not count", () => {
    const report = detectDrift(desired({ trunk: { numbers: ["+14155550101", "+14155550100"], krispEnabled: false } }), project());
    expect(report).toEqual({ changed: [], missing: [], unmanaged: [], inSync: [expect.objectContaining({ name: "main" }), expect.objectContaining({ name: "reception" })] });
    expect(hasDrift(report)).toBe(false);
    expect(renderDrift(report)).toMatch(/^No drift: LiveKit matches the stack\.\n2 in sync, 0 changed/);
  });

  it("lists changed fields one by one, down to nested properties and list elements", () => {
    const changedRule = { ...rule, name: "Reception (edited)", rule: { ...rule.rule, pin: "9999" }, roomConfig: { agents: [{ agentName: "receptionist-v2" }] } };
    const changedTrunk = { ...mainTrunk, numbers: ["+14155550100"], media: { encryption: "require" } };
    const report = detectDrift(
      desired(),
      project({ InboundTrunk: [live("InboundTrunk", "ST_main", changedTrunk)], DispatchRule: [live("DispatchRule", "SDR_reception", { ...changedRule, trunkIds: ["ST_main"] })] }),
    );
    expect(report.changed).toEqual([
      {
        type: "InboundTrunk",
        name: "main",
        id: "ST_main",
        fields: [
          { path: "numbers", stack: ["+14155550100", "+14155550101"], livekit: ["+14155550100"] },
          { path: "media.encryption", stack: "disable", livekit: "require" },
        ],
      },
      {
        type: "DispatchRule",
        name: "reception",
        id: "SDR_reception",
        fields: [
          { path: "rule.pin", stack: "1234", livekit: "9999" },
          { path: "name", stack: "Reception", livekit: "Reception (edited)" },
          { path: "roomConfig.agents[0].agentName", stack: "receptionist", livekit: "receptionist-v2" },
        ],
      },
    ]);
    expect(renderDrift(report)).toContain('~ reception (dispatch rule SDR_reception) differs:\n    rule.pin: stack "1234", LiveKit "9999"\n');
  });

  it("compares secrets only as set or not set, and never shows their values", () => {
    const inSync = detectDrift(desired({ trunk: { authPassword: "another-password" } }), project());
    expect(inSync.changed).toEqual([]);
    const cleared = project({ InboundTrunk: [live("InboundTrunk", "ST_main", { ...mainTrunk, authPassword: "" })] });
    const report = detectDrift(desired({ trunk: { authPassword: "desired-password" } }), cleared);
    expect(report.changed[0].fields).toEqual([{ path: "authPassword", stack: "(secret set)", livekit: "(secret not set)" }]);
    const egress = (secret: string) => ({ ...rule, roomConfig: { egress: { tracks: { filepath: "x", s3: { bucket: "b", secret } } } } });
    const egressReport = detectDrift(desired({ rule: egress("[secret]") }), project({ DispatchRule: [live("DispatchRule", "SDR_reception", { ...egress("s3-key"), trunkIds: ["ST_main"] })] }));
    expect(egressReport.changed).toEqual([]);
    for (const text of [renderDrift(report), JSON.stringify(report)]) expect(text).not.toMatch(/password"|s3-key/);
  });

  it("reports declared resources that LiveKit lacks, and live objects the stack does not declare", () => {
    const report = detectDrift(
      desired(),
      project({ InboundTrunk: [live("InboundTrunk", "ST_other", { name: "By hand", numbers: ["+14155550199"] })] }),
    );
    expect(report.missing).toEqual([{ type: "InboundTrunk", name: "main", id: "ST_main" }]);
    expect(report.unmanaged).toEqual([{ type: "InboundTrunk", id: "ST_other", label: "By hand" }]);
    // The rule is still compared: its trunk reference cannot resolve, which is a difference too.
    expect(report.changed[0].fields).toEqual([{ path: "trunkIds", stack: ["(main: not in LiveKit)"], livekit: ["ST_main"] }]);
    expect(hasDrift({ ...report, changed: [], missing: [] }, { ignoreUnmanaged: true })).toBe(false);
    const text = renderDrift(report);
    expect(text).toContain("- main (inbound trunk ST_main): not in LiveKit (deleted?)");
    expect(text).toContain('+ ST_other (inbound trunk "By hand"): in LiveKit, not managed by this stack');
  });

  it("finds objects by Pulumi state first, then adoptId, then by a name no other object has", () => {
    const twins = [live("InboundTrunk", "ST_twin1", { name: "Twin", numbers: ["+14155550111"] }), live("InboundTrunk", "ST_twin2", { name: "Twin", numbers: ["+14155550112"] })];
    const declared: DesiredResource[] = [
      { type: "InboundTrunk", name: "fromState", adoptId: "ST_main", args: { ...mainTrunk, authPassword: "x" } },
      { type: "InboundTrunk", name: "byName", args: { name: "Unique", numbers: ["+14155550120"] } },
      { type: "InboundTrunk", name: "twin", args: { name: "Twin", numbers: ["+14155550111"] } },
    ];
    const liveProject = project({ InboundTrunk: [live("InboundTrunk", "ST_moved", mainTrunk), live("InboundTrunk", "ST_unique", { name: "Unique", numbers: ["+14155550120"] }), ...twins], DispatchRule: [] });
    const report = detectDrift(declared, liveProject, new Map([[knownIdKey("InboundTrunk", "fromState"), "ST_moved"]]));
    expect(report.inSync.map((r) => `${r.name}=${r.id}`)).toEqual(["fromState=ST_moved", "byName=ST_unique"]);
    expect(report.missing).toEqual([{ type: "InboundTrunk", name: "twin", sameName: 2 }]);
    expect(report.unmanaged.map((o) => o.id)).toEqual(["ST_twin1", "ST_twin2"]);
    expect(renderDrift(report)).toContain("- twin (inbound trunk): 2 objects have its name; give it adoptId or pass --state to say which");
  });
});
