import { validateSpec } from "../../src/stack/validateSpec";

const trunk = { numbers: ["+14155550100"], allowedAddresses: ["192.0.2.1"] };

describe("validateSpec", () => {
  it("accepts a complete environment", () => {
    expect(
      validateSpec(
        {
          inboundTrunks: { main: { ...trunk, authUsername: "u", authPassword: { secret: "pw" } } },
          outboundTrunks: { out: { address: "sip.example.com", numbers: ["+14155550100"] } },
          dispatchRules: { reception: { trunks: ["main"], rule: { type: "individual", roomPrefix: "call" } } },
        },
        new Set(["pw"]),
      ),
    ).toEqual([]);
  });

  it("reports entry problems with their path from the spec root", () => {
    expect(validateSpec({ inboundTrunks: { main: { ...trunk, numbers: ["415-555"] } }, dispatchRule: {} })).toEqual([
      { property: "dispatchRule", reason: expect.stringContaining('unknown section "dispatchRule"') },
      { property: "inboundTrunks.main.numbers[0]", reason: expect.stringContaining("has no country code") },
    ]);
  });

  it("refuses plain-text passwords and secrets that are not set", () => {
    expect(validateSpec({ inboundTrunks: { main: { ...trunk, authUsername: "u", authPassword: "hunter2" } } })).toEqual([
      { property: "inboundTrunks.main.authPassword", reason: expect.stringContaining("plain-text passwords are not accepted") },
    ]);
    expect(validateSpec({ inboundTrunks: { main: { ...trunk, authUsername: "u", authPassword: { secret: "pw" } } } }, new Set())).toEqual([
      { property: "inboundTrunks.main.authPassword", reason: 'refers to config key "pw", which is not set: run `pulumi config set --secret pw <password>`' },
    ]);
  });

  it("refuses rules naming trunks the spec does not have", () => {
    expect(validateSpec({ inboundTrunks: { main: trunk }, dispatchRules: { r: { trunks: ["mian"], rule: { type: "direct", roomName: "x" } } } })).toEqual([
      { property: "dispatchRules.r.trunks[0]", reason: expect.stringContaining('"mian" is not an inbound trunk of this spec (known: main)') },
    ]);
  });

  it("accepts SIP user names where an entry allows them", () => {
    const entry = { numbers: ["reception"], allowedAddresses: ["192.0.2.1"] };
    expect(validateSpec({ inboundTrunks: { pbx: entry } })).toHaveLength(1);
    expect(validateSpec({ inboundTrunks: { pbx: { ...entry, allowNonE164Numbers: true } } })).toEqual([]);
  });

  it("checks an entry's control arguments as the provider does, and takes only those programs set", () => {
    expect(validateSpec({ inboundTrunks: { pbx: { ...trunk, adoptId: "SDR_abc", allowNonE164Numbers: "yes" } } })).toEqual([
      { property: "inboundTrunks.pbx.adoptId", reason: '"SDR_abc" is not a LiveKit inbound trunk ID: it must look like ST_xxxxxxxxxxxx (see `lk sip ... list`)' },
      { property: "inboundTrunks.pbx.allowNonE164Numbers", reason: "must be true or false" },
    ]);
    expect(validateSpec({ inboundTrunks: { pbx: { ...trunk, adoptId: "ST_abc123" } } })).toEqual([]);
    expect(validateSpec({ inboundTrunks: { pbx: { ...trunk, __stackProblems: [] } } })).toEqual([
      { property: "inboundTrunks.pbx.__stackProblems", reason: expect.stringContaining('unknown property "__stackProblems"') },
    ]);
  });

  it("reports trunks sharing a number across entries", () => {
    expect(validateSpec({ inboundTrunks: { a: trunk, b: { ...trunk, numbers: ["+1 415 555 0100"] } } })).toEqual([
      { property: "inboundTrunks.b.numbers", reason: expect.stringContaining('is already answered by inbound trunk "a"') },
    ]);
  });
});
