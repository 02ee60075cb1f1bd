/**
 * Which object of one revision is which object of the other. IDs first, since they survive
 * renames; then names, which survive re-creation (an object deleted and created again gets a new
 * ID, and a placeholder ID turns into LiveKit's once created). A name only pairs when it is
 * unique on both sides among what is left.
 */

export type ObjectPair<T> = { readonly before: T; readonly after?: T } | { readonly before?: T; readonly after: T };

export interface Identity<T> {
  readonly id: (item: T) => string;
  readonly name: (item: T) => string;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return new Map(items.filter((i) => key(i) !== "" && counts.get(key(i)) === 1).map((i) => [key(i), i]));
}

function pairBy<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): [T, T][] {
  const afterByKey = uniqueBy(after, key);
  const beforeByKey = uniqueBy(before, key);
  return [...beforeByKey].flatMap(([k, b]): [T, T][] => {
    const a = afterByKey.get(k);
    return a === undefined ? [] : [[b, a]];
  });
}

/** Pairs ordered by name (or ID), so reports do not depend on the order objects were listed in. */
export function pairObjects<T>(before: readonly T[], after: readonly T[], identity: Identity<T>): ObjectPair<T>[] {
  const byId = pairBy(before, after, identity.id);
  const paired = new Set(byId.flat());
  const byName = pairBy(
    before.filter((b) => !paired.has(b)),
    after.filter((a) => !paired.has(a)),
    identity.name,
  );
  for (const item of byName.flat()) paired.add(item);
  const found: { pair: ObjectPair<T>; shown: T }[] = [
    ...[...byId, ...byName].map(([b, a]) => ({ pair: { before: b, after: a }, shown: a })),
    ...before.filter((b) => !paired.has(b)).map((b) => ({ pair: { before: b }, shown: b })),
    ...after.filter((a) => !paired.has(a)).map((a) => ({ pair: { after: a }, shown: a })),
  ];
  const label = (item: T) => identity.name(item) || identity.id(item);
  return found.sort((x, y) => (label(x.shown) < label(y.shown) ? -1 : label(x.shown) > label(y.shown) ? 1 : 0)).map((x) => x.pair);
}
