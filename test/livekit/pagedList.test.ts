import { pagedList } from "../../src/livekit/listFilters";

/**
 * List answers as LiveKit v1.13.5 pages them (checked against the server by the differential
 * sequences): `limit` is a batch size, and paging stops at the first batch that keeps nothing.
 */

const ids = ["a", "b", "c", "d", "e"];
const matches = (id: string) => id === "b" || id === "e";
const list = (page?: { afterId?: string; limit?: number }) => pagedList(ids, page, (id) => id, matches);

it("without a page, answers every match", () => {
  expect(list()).toEqual(["b", "e"]);
});

it("treats limit as a batch size, not a cap", () => {
  expect(list({ limit: 1 })).toEqual([]); // the first batch, [a], keeps nothing
  expect(list({ limit: 0 })).toEqual(["b", "e"]); // 0: batches of 1000
  expect(pagedList(ids, { limit: 1 }, (id) => id, () => true)).toEqual(ids);
});

it("stops at the first batch without a match, leaving later matches out", () => {
  // [a, b] keeps b; [c, d] keeps nothing: e is never read.
  expect(list({ limit: 2 })).toEqual(["b"]);
});

it("starts after after_id, whether or not that ID exists", () => {
  expect(list({ afterId: "c", limit: 2 })).toEqual(["e"]);
  expect(list({ afterId: "bb", limit: 3 })).toEqual(["e"]); // reads [c, d, e]
  expect(list({ afterId: "bb", limit: 2 })).toEqual([]); // [c, d] keeps nothing
});
