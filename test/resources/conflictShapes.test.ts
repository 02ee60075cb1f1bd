import { definitionOf, sipResourceTypes } from "../../src/resources";
import type { ResourceDefinition } from "../../src/resources/definition";
import { fullDispatchRule, fullInboundTrunk } from "../fixtures/fullArgs";

/**
 * Each kind's conflict shape is built by its definition alone (`conflicts.shape`), which preview's
 * program checks, spec validation and the live pre-check all call. Program checks wait only for the
 * arguments the definition says the shape reads, so it must read no other.
 */
const cases: [string, ResourceDefinition, Record<string, unknown>][] = [
  ["InboundTrunk", definitionOf("InboundTrunk"), fullInboundTrunk],
  ["DispatchRule", definitionOf("DispatchRule"), fullDispatchRule],
];

it("gives a shape to exactly the kinds LiveKit conflict-checks", () => {
  const shaped = [...sipResourceTypes, "PhoneNumber" as const].map(definitionOf).filter((d) => d.conflicts);
  expect(shaped.map((d) => d.type)).toEqual(cases.map(([type]) => type));
});

it.each(cases)("%s: the shape reads only the arguments it declares, and depends on nothing else", (_, definition, args) => {
  const conflicts = definition.conflicts!;
  const read = new Set<string>();
  const watched = new Proxy(args, { get: (target, key) => (typeof key === "string" && read.add(key), Reflect.get(target, key)) });
  const shape = conflicts.shape(watched, "label", "ID_1");
  expect([...read].filter((key) => !conflicts.reads.includes(key))).toEqual([]);
  const only = Object.fromEntries(conflicts.reads.map((key) => [key, args[key]]));
  expect(conflicts.shape(only, "label", "ID_1")).toEqual(shape);
});
