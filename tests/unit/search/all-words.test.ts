// Plain words are all required; OR, parentheses, NOT and -word; AND changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryError } from '../../../main/core/errors';
import { parseQuery } from '../../../main/core/search/query/query-parser';
import type { SearchIndex } from '../../../main/core/search/segmented-index';
import { doc, ids, MemoryStore, openIndex, tempDir } from './helpers';

const corpus = [
  doc('film', { title: 'A film premiere', body: 'The director spoke about the film.' }),
  doc('both', { title: 'Music for a film', body: 'The film score and its music won.' }),
  doc('music', { title: 'Music festival', body: 'Bands played music all night.' }),
  doc('cinema', { title: 'Cinema music', body: 'An old cinema hosts music evenings.' }),
  doc('other', { title: 'Weather', body: 'Rain and wind along the coast.' }),
  // Mentions both words once, deep in the body: must rank below the title match.
  doc('passing', {
    title: 'Town council',
    body: 'The council met. Later, a film was shown and some music was played.',
  }),
];

describe('all words by default', () => {
  let index: SearchIndex;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    index = await openIndex(t.dir, new MemoryStore(corpus));
  });
  afterAll(async () => {
    await index.close();
    await cleanup();
  });
  const q = async (query: string): Promise<string[]> => ids(await index.search(query));
  const set = async (query: string): Promise<string[]> => (await q(query)).sort();

  it('finds only the articles holding every word, best first', async () => {
    expect(await set('film music')).toEqual(['both', 'passing']);
    expect((await q('film music'))[0]).toBe('both');
  });

  it('accepts AND as a no-op, and "+" as before', async () => {
    expect(await q('film AND music')).toEqual(await q('film music'));
    expect(await q('+film +music')).toEqual(await q('film music'));
    // Known-item ranking with AND: the article titled with both words comes first.
    expect((await q('music AND film'))[0]).toBe('both');
  });

  it('joins alternatives with OR, grouped by parentheses', async () => {
    expect(await set('film OR cinema')).toEqual(['both', 'cinema', 'film', 'passing']);
    expect(await set('(film OR cinema) music')).toEqual(['both', 'cinema', 'passing']);
    expect(await set('music (film OR cinema)')).toEqual(['both', 'cinema', 'passing']);
    expect(await set('film OR cinema OR weather')).toEqual(
      ['both', 'cinema', 'film', 'other', 'passing'].sort(),
    );
  });

  it('leaves out words with -word and NOT word', async () => {
    expect(await set('music -film')).toEqual(['cinema', 'music']);
    expect(await set('music NOT film')).toEqual(['cinema', 'music']);
    expect(await set('music NOT (film OR cinema)')).toEqual(['music']);
    expect(await set('music -(film OR cinema)')).toEqual(['music']);
  });

  it('searches a pasted passage as a bag of its words, and says so', async () => {
    const filler = Array.from({ length: 40 }, (_, i) => `zz${i}`).join(' ');
    const r = await index.search(`${filler} the film score and its music`);
    expect(r.passage).toBe(true);
    expect(r.hits[0]!.id).toBe('both');
    expect(r.hits.map((h) => h.id)).toContain('music');
    expect((await index.search('film music')).passage).toBeUndefined();
  });

  it('searches lower-case or/and/not as words', async () => {
    expect(await set('rain and wind')).toEqual(['other']);
    expect(await q('film or cinema')).toEqual([]);
  });
});

describe('parseQuery operators', () => {
  it('marks alternatives with a shared group and requires plain words', () => {
    const c = parseQuery('(film OR cinema) music');
    expect(c.map((x) => [x.presence, x.anyOf])).toEqual([
      ['required', 1],
      ['required', 1],
      ['required', undefined],
    ]);
    expect(parseQuery('a AND b').map((x) => x.source)).toEqual(['a', 'b']);
    expect(parseQuery('NOT a')[0]).toMatchObject({ presence: 'prohibited' });
    expect(parseQuery('(a b) c').map((x) => x.presence)).toEqual([
      'required',
      'required',
      'required',
    ]);
  });

  it('says what is wrong with a misplaced operator', () => {
    for (const bad of ['OR film', 'film OR', 'film OR OR music', 'film NOT', 'a OR -b']) {
      expect(() => parseQuery(bad), bad).toThrow(QueryError);
    }
    expect(() => parseQuery('(a OR b')).toThrow(/never closed/);
    expect(() => parseQuery('(a b) OR c')).toThrow(/alternatives/);
    expect(() => parseQuery('((a OR b))')).toThrow(/nested/);
    expect(() => parseQuery('NOT (a b)')).toThrow(QueryError);
  });
});
