// Every query answers or is refused in bounded work: fuzzy distances follow the word's length
// (Lucene's AUTO), prefix and fuzzy words expand to a capped number of index terms (reported
// in `capped`), the fuzzy walk has a row limit, and a query past its work limit is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryError } from '../../../main/core/errors';
import {
  MAX_FUZZY_EXPANSIONS,
  MAX_PREFIX_EXPANSIONS,
  QUERY_EXPANSIONS,
} from '../../../main/core/search/query/expansions';
import type { SearchIndex } from '../../../main/core/search/segmented-index';
import type { IndexDoc } from '../../../main/core/search/types';
import { doc, ids, MemoryStore, openIndex, tempDir, wordSoup } from './helpers';

// 300 words sharing a prefix, word k in k + 1 documents: the most frequent come last.
const PREFIXED = Array.from({ length: 300 }, (_, k) => `zq${k.toString(36).padStart(2, '0')}x`);
// 60 words one substitution away from "tangerine", and one two substitutions away.
const LETTERS = 'bcdfghjklmpqrsvwxyz';
const NEAR = Array.from({ length: 60 }, (_, k) => {
  const at = 3 + (k % 6);
  return `${'tangerine'.slice(0, at)}${LETTERS[k % LETTERS.length]}${'tangerine'.slice(at + 1)}`;
}).filter((w, i, list) => list.indexOf(w) === i);

function corpus(): IndexDoc[] {
  const { rnd, sentence } = wordSoup(3);
  const filler = ['river', 'stone', 'market', 'the', 'of', 'and'];
  const docs: IndexDoc[] = [];
  let n = 0;
  PREFIXED.forEach((w, k) => {
    for (let i = 0; i <= k; i += 25) {
      docs.push(doc(`p${n++}`, { title: w, body: `${w} ${sentence(filler, 5 + rnd(10))}` }));
    }
  });
  for (const w of NEAR) docs.push(doc(`f${n++}`, { body: `${w} ${sentence(filler, 8)}` }));
  docs.push(doc('tangerine', { body: 'tangerine tree' }));
  docs.push(doc('two-edits', { body: 'tangxrinz zzz' }));
  docs.push(doc('short', { body: 'ab cat' }));
  docs.push(doc('other', { body: 'ax cut' }));
  for (let i = 0; i < 200; i++) docs.push(doc(`c${i}`, { body: sentence(filler, 40) }));
  return docs;
}

describe('bounded queries', () => {
  let index: SearchIndex;
  let cleanup: () => Promise<void>;
  let all: IndexDoc[];
  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    all = corpus();
    index = await openIndex(t.dir, new MemoryStore(all), {}, { batchSize: 150, merge: false });
  });
  afterAll(async () => {
    await index.close();
    await cleanup();
  });

  it('answers a 320-letter fuzzy word at once (Lunr’s automaton took 53 s and 4 GB)', async () => {
    const t0 = performance.now();
    const r = await index.search(`${'ab'.repeat(160)}~2`);
    expect(r.hits).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(3000);
    const many = await index.search(
      Array.from({ length: 32 }, (_, k) => `${'ab'.repeat(13)}${k}~2`).join(' '),
    );
    expect(many.hits).toEqual([]);
  });

  it('lowers the edit distance for short words, as Lucene’s AUTO does', async () => {
    expect(ids(await index.search('ab~2'))).toEqual(['short']);
    expect(ids(await index.search('cat~2'))).toEqual(['other', 'short']);
    expect(ids(await index.search('cat~1'))).toEqual(['other', 'short']);
  });

  it('allows a stem only the edits its own length allows', async () => {
    // "ties" is indexed and searched as its stem "ti": walking that two-letter stem at the
    // distance the four-letter word allows matched every short word ("tu", "to", …).
    const t = await tempDir();
    const small = await openIndex(
      t.dir,
      new MemoryStore([
        doc('ties', { body: 'ties and bows' }),
        doc('tu', { body: 'tu' }),
        doc('tied', { body: 'tied' }),
      ]),
    );
    try {
      // "tied" is one edit from the word typed; "tu" is only one edit from its stem.
      expect(ids(await small.search('ties~1'))).toEqual(['tied', 'ties']);
    } finally {
      await small.close();
      await t.cleanup();
    }
  });

  it('caps a prefix at its most frequent terms and says so', async () => {
    const r = await index.search('zq*');
    expect(r.capped).toEqual([
      {
        word: 'zq*',
        kind: 'prefix',
        expanded: MAX_PREFIX_EXPANSIONS,
        message: `zq* matches 300 words; only the ${MAX_PREFIX_EXPANSIONS} most frequent were searched.`,
      },
    ]);
    const found = new Set(r.hits.map((h) => h.id));
    const holders = (w: string) => all.filter((d) => d.title === w).map((d) => d.id);
    // The most frequent words are searched, the rarest are cut.
    for (const id of holders(PREFIXED[299]!)) expect(found.has(id)).toBe(true);
    for (const id of holders(PREFIXED[0]!)) expect(found.has(id)).toBe(false);
    // A prefix under the cap is not reported.
    expect((await index.search('zq8*')).capped).toEqual([]);
  });

  it('caps a fuzzy word at its closest terms and says so', async () => {
    const r = await index.search('tangerine~2');
    expect(r.capped).toHaveLength(1);
    expect(r.capped[0]).toMatchObject({
      word: 'tangerine~2',
      kind: 'fuzzy',
      expanded: MAX_FUZZY_EXPANSIONS,
    });
    expect(r.capped[0]!.message).toMatch(/^tangerine~2 is close to \d+ words; only the 50/);
    const found = ids(r);
    // The word itself and the one-edit words are kept before the two-edit one.
    expect(found).toContain('tangerine');
    expect(found).not.toContain('two-edits');
    expect(NEAR.length).toBeGreaterThan(MAX_FUZZY_EXPANSIONS);
    expect(ids(await index.search('tangxrinz'))).toEqual(['two-edits']);
  });

  it('shares the query’s expansion limit among its prefix and fuzzy words', async () => {
    const words = Array.from({ length: 32 }, () => 'zq*').join(' ');
    const r = await index.search(words);
    const share = QUERY_EXPANSIONS / 32;
    expect(r.capped).toHaveLength(32);
    expect(r.capped.every((c) => c.expanded === share)).toBe(true);
  });

  it('refuses a query past its work limit with a QueryError', async () => {
    const t = await tempDir();
    const small = await openIndex(t.dir, new MemoryStore(all), {}, { queryWorkLimit: 100 });
    try {
      await expect(small.search('the of and river stone')).rejects.toThrow(QueryError);
      await expect(small.search('the of and river stone')).rejects.toThrow(/too much work/);
      // A cheap query still answers.
      expect(ids(await small.search('tangxrinz'))).toEqual(['two-edits']);
    } finally {
      await small.close();
      await t.cleanup();
    }
  });

  it('refuses a query that runs past its time limit', async () => {
    const t = await tempDir();
    const slow = await openIndex(t.dir, new MemoryStore(all), {}, { queryTimeLimitMs: -1 });
    try {
      await expect(slow.search('river')).rejects.toThrow(/took too long/);
    } finally {
      await slow.close();
      await t.cleanup();
    }
  });
});
