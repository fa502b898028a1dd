// Pairing the elements of two unordered arrays when "equal" is "the live one holds what the declared
// one says": one declared element may fit several live ones, so a first-fit pairing can fail where
// a full one exists. Kuhn's augmenting paths: O(n·m) pair tests, fine for template-sized arrays.

/** True when every element of `declared` pairs with a distinct element of `live` that `fits`. */
export function matchAll<D, L>(declared: readonly D[], live: readonly L[], fits: (d: D, l: L) => boolean): boolean {
  if (declared.length > live.length) return false;
  const memo = new Map<string, boolean>();
  const ok = (i: number, j: number) => {
    const k = `${i}:${j}`;
    let v = memo.get(k);
    if (v === undefined) memo.set(k, (v = fits(declared[i], live[j])));
    return v;
  };
  const owner: (number | undefined)[] = live.map(() => undefined);
  const augment = (i: number, seen: Set<number>): boolean => {
    for (let j = 0; j < live.length; j++) {
      if (seen.has(j) || !ok(i, j)) continue;
      seen.add(j);
      const current = owner[j];
      if (current === undefined || augment(current, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  return declared.every((_, i) => augment(i, new Set()));
}
