// rankHits must give exactly the order of one comparator sort (score descending, ties by id)
// on every input, including scores that float32 cannot tell apart.
import { describe, expect, it } from 'vitest';
import { rankHits, type RankedHit } from '../../../main/core/search/query/rank-hits';

const reference = (ids: string[], scores: number[]): RankedHit[] =>
  ids
    .map((id, i) => ({ id, score: scores[i]! }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** A seeded PRNG (mulberry32), so failures repeat. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('rankHits', () => {
  it('orders like a full comparator sort, ties and near-ties included', () => {
    const rand = prng(42);
    for (const n of [0, 1, 5, 63, 64, 500, 20_000]) {
      const ids = Array.from({ length: n }, (_, i) => `id${Math.floor(rand() * 1e9)}-${i}`);
      const pool = Array.from({ length: 50 }, () => rand() * 30);
      const scores = ids.map(() => {
        const r = rand();
        if (r < 0.3) return pool[Math.floor(rand() * pool.length)]!; // exact ties
        if (r < 0.5) return pool[0]! * (1 + (rand() - 0.5) * 1e-12); // same float32
        if (r < 0.55) return 0;
        return rand() * 30;
      });
      expect(rankHits(ids, Float64Array.from(scores))).toEqual(reference(ids, scores));
    }
  });

  it('keeps ties in id order even when slots are not', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `doc${String(199 - i).padStart(3, '0')}`);
    const scores = new Float64Array(200).fill(1.5);
    scores[150] = 2;
    const ranked = rankHits(ids, scores).map((h) => h.id);
    expect(ranked[0]).toBe('doc049');
    expect(ranked.slice(1)).toEqual(ids.filter((id) => id !== 'doc049').reverse());
  });

  it('falls back to a plain sort for negative or NaN scores', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `d${i}`);
    const scores = ids.map((_, i) => (i % 7) - 3 + (i % 2 ? -0 : 0));
    expect(rankHits(ids, Float64Array.from(scores))).toEqual(reference(ids, scores));
  });
});
