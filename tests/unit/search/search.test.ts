import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueryError } from '../../../main/core/errors';
import type { SearchIndex } from '../../../main/core/search/segmented-index';
import { doc, ids, MemoryStore, openIndex, tempDir } from './helpers';

const corpus = [
  doc('a', {
    title: 'Iran’s nuclear talks resume',
    body: 'TEHRAN – Iran’s foreign minister met al-Sudani at a café on Tuesday.',
    tags: ['Middle East', 'Politics'],
    place: 'TEHRAN',
  }),
  doc('b', {
    title: 'Football results',
    body: 'The nuclear option was not on the table, the running club said. Talks went on.',
    tags: ['Sport'],
    place: 'LONDON',
  }),
  doc('c', { title: 'خبر', body: 'ذهب مُحَمَّد إلى المدرسة يوم الأحد', language: 'ar' }),
  doc('d', { title: 'Новости', body: 'Москва приняла решение о книгах', language: 'ru' }),
  doc('e', { title: 'Ειδήσεις', body: 'Η Ελλάδα και η Αθήνα', language: 'el' }),
  doc('f', { title: 'ایران', body: 'کتاب‌ها را می‌خواهم', language: 'fa' }),
  doc('g', { title: 'Hebrew', body: 'שלום עולם', language: 'he' }),
  doc('h', { title: 'Hindi', body: 'नमस्ते दुनिया', language: 'hi' }),
  doc('i', { title: '日本', body: '東京都に住んでいます', language: 'ja' }),
  doc('j', { title: 'Cuisine', body: 'Les maisons du café élégant', language: 'fr' }),
];

describe('SearchIndex queries', () => {
  let index: SearchIndex;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    const store = new MemoryStore(corpus);
    index = await openIndex(t.dir, store);
  });
  afterEach(async () => {
    await index.close();
    await cleanup();
  });

  const q = async (query: string): Promise<string[]> => ids(await index.search(query));

  it('finds words with apostrophes, hyphens and accents', async () => {
    expect(await q('iran')).toEqual(['a']);
    expect(await q("iran's")).toEqual(['a']);
    expect(await q('sudani')).toEqual(['a']);
    expect(await q('al-sudani')).toEqual(['a']);
    expect(await q('cafe')).toEqual(['a', 'j']);
    expect(await q('CAFÉ')).toEqual(['a', 'j']);
  });

  it('finds non-Latin words, in either Arabic/Persian spelling', async () => {
    expect(await q('مدرسه')).toEqual(['c']);
    expect(await q('المدرسة')).toEqual(['c']);
    expect(await q('محمد')).toEqual(['c']);
    expect(await q('ايران')).toEqual(['f']);
    expect(await q('كتابها')).toEqual(['f']);
    expect(await q('москва')).toEqual(['d']);
    expect(await q('книга')).toEqual(['d']);
    expect(await q('ελλαδα')).toEqual(['e']);
    expect(await q('שלום')).toEqual(['g']);
    expect(await q('दुनिया')).toEqual(['h']);
    expect(await q('東京')).toEqual(['i']);
  });

  it('stems queries under the languages in the index', async () => {
    expect(await q('runs')).toEqual(['b']);
    expect(await q('maison')).toEqual(['j']);
  });

  it('ranks title matches above body matches', async () => {
    const r = await index.search('nuclear');
    expect(r.hits.map((h) => h.id)).toEqual(['a', 'b']);
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score);
  });

  it('restricts to fields', async () => {
    expect(await q('title:football')).toEqual(['b']);
    expect(await q('body:football')).toEqual([]);
    expect(await q('place:london')).toEqual(['b']);
    expect(await q('tags:politics')).toEqual(['a']);
    expect(await q('title:talks')).toEqual(['a']);
  });

  it('matches prefixes', async () => {
    expect(await q('nucl*')).toEqual(['a', 'b']);
    expect(await q('footb*')).toEqual(['b']);
    expect(await q('zzz*')).toEqual([]);
  });

  it('applies + and -', async () => {
    expect(await q('+nuclear -iran')).toEqual(['b']);
    expect(await q('+nuclear +football')).toEqual(['b']);
    // Every word is required now: "+" changes nothing, and OR makes a word one of alternatives.
    expect(await q('+nuclear football')).toEqual(['b']);
    expect(await q('+nuclear OR football')).toEqual(['a', 'b']);
    expect(await q('-nuclear').then((r) => r.length)).toBe(corpus.length - 2);
  });

  it('matches exact phrases only when the words are adjacent and in order', async () => {
    expect(await q('"nuclear talks"')).toEqual(['a']);
    expect(await q('"talks nuclear"')).toEqual([]);
    // Both words are in b, but not next to each other.
    expect(await q('"nuclear club"')).toEqual([]);
    expect(await q('"nuclear option"')).toEqual(['b']);
    expect(await q('"foreign minister"')).toEqual(['a']);
    expect(await q('-"nuclear option" nuclear')).toEqual(['a']);
    expect(await q('title:"nuclear talks"')).toEqual(['a']);
    expect(await q('body:"nuclear talks"')).toEqual([]);
  });

  it('matches tags exactly and case-insensitively', async () => {
    expect(await q('tag:"middle east"')).toEqual(['a']);
    expect(await q('tag:MIDDLE')).toEqual([]);
    expect(await q('tag:sport')).toEqual(['b']);
    expect(await q('tag:spor')).toEqual([]);
  });

  it('caps fuzzy matching: hello~99 answers like hello~2', async () => {
    expect(await q('nuclaer~2')).toEqual(['a', 'b']);
    expect(await q('footbal~1')).toEqual(['b']);
    const started = Date.now();
    const wide = await index.search('football~99');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(ids(wide)).toEqual(ids(await index.search('football~2')));
    expect(ids(wide)).toContain('b');
  });

  it('applies the filter', async () => {
    expect(ids(await index.search('nuclear', (id) => id !== 'a'))).toEqual(['b']);
  });

  it('rejects bad queries with QueryError', async () => {
    await expect(index.search('x:y')).rejects.toBeInstanceOf(QueryError);
    await expect(index.search('"open')).rejects.toThrow(/never closed/);
  });

  it('returns nothing for an empty query', async () => {
    expect((await index.search('')).hits).toEqual([]);
  });
});
