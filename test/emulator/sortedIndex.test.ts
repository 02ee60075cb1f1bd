import fc from "fast-check";
import { SortedById } from "../../src/emulator/store/sortedIndex";
import { sortById } from "../../src/livekit/listFilters";

/** The store's incrementally sorted lists against a sort of everything, after any writes. */
it("lists what a full sort by ID lists, after any sequence of writes and deletes, across chunk splits", () => {
  const id = fc.integer({ min: 0, max: 3000 }).map((n) => `ST_${n.toString(36)}`);
  const op = fc.oneof(fc.record({ set: id, v: fc.integer() }), fc.record({ del: id }));
  fc.assert(
    fc.property(fc.array(op, { maxLength: 4000 }), (ops) => {
      const sorted = new SortedById<{ id: string; v: number }>((x) => x.id);
      const truth = new Map<string, { id: string; v: number }>();
      const handedOut = sorted.values();
      for (const o of ops) {
        if ("set" in o) {
          sorted.set({ id: o.set, v: o.v });
          truth.set(o.set, { id: o.set, v: o.v });
        } else {
          sorted.delete(o.del);
          truth.delete(o.del);
        }
      }
      expect(sorted.values()).toEqual(sortById(truth.values(), (x) => x.id));
      // A listing handed out before the writes is not changed by them.
      expect(handedOut).toEqual([]);
    }),
    { numRuns: 60 },
  );
});
