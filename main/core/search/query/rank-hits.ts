// Orders matched documents best first, ties by id: the order one comparator sort over
// every hit gives, at a fraction of its cost. A common word matches half the library, and
// sorting tens of thousands of objects with a JavaScript comparator was a large part of
// its search time. Instead each hit gets a number key (its score rounded to float32,
// inverted, then its index) that a native typed-array sort orders; rounding only merges
// nearly equal scores, and those runs are then sorted exactly.
export interface RankedHit {
  id: string;
  score: number;
}

const INDEX_BITS = 2 ** 21;
const MAX_BITS = 0xffffffff;

const byScoreThenId = (a: RankedHit, b: RankedHit): number =>
  b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The hits `ids[i]` with `scores[i]`, best first, ties by id (ascending). */
export function rankHits(ids: readonly string[], scores: Float64Array): RankedHit[] {
  const n = ids.length;
  let plain = n >= INDEX_BITS;
  for (let i = 0; i < n && !plain; i++) if (!(scores[i]! >= 0)) plain = true;
  if (plain || n < 64) {
    // Negative or NaN scores (or more hits than the key holds) have no monotone key here.
    const hits = ids.map((id, i) => ({ id, score: scores[i]! }));
    return hits.sort(byScoreThenId);
  }
  const f32 = new Float32Array(1);
  const bits = new Uint32Array(f32.buffer);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // "+ 0" turns -0 into 0, whose bits sort with the other zeros.
    f32[0] = scores[i]! + 0;
    keys[i] = (MAX_BITS - bits[0]!) * INDEX_BITS + i;
  }
  keys.sort();
  const out: RankedHit[] = new Array<RankedHit>(n);
  let i = 0;
  while (i < n) {
    const group = Math.floor(keys[i]! / INDEX_BITS);
    let j = i + 1;
    while (j < n && Math.floor(keys[j]! / INDEX_BITS) === group) j++;
    for (let k = i; k < j; k++) {
      const at = keys[k]! - group * INDEX_BITS;
      out[k] = { id: ids[at]!, score: scores[at]! };
    }
    if (j - i > 1) {
      const run = out.slice(i, j).sort(byScoreThenId);
      for (let k = i; k < j; k++) out[k] = run[k - i]!;
    }
    i = j;
  }
  return out;
}
