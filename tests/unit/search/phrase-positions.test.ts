// Phrases are matched on the word positions (and form codes) stored with the postings. The
// reference here is a text check (tokenise the stored text, compare each token with the
// quoted words as written), run over every document; both must agree, across merges and a
// reload from disk, and a phrase search must not read a single article.
import { describe, expect, it } from 'vitest';
import { FIELDS, stemLanguage, type FieldName } from '../../../main/core/search/analysis/analyzer';
import {
  exactMatcher,
  tokenForms,
  tokenMatches,
} from '../../../main/core/search/analysis/term-match';
import { tokenize } from '../../../main/core/search/analysis/tokenizer';
import type { IndexDoc } from '../../../main/core/search/types';
import { doc, ids, MemoryStore, openIndex, tempDir, wordSoup } from './helpers';

const WORDS = ['talks', 'talk', 'nuclear', 'the', 'of', 'iran', 'running', 'runs', 'al-sudani'];
const WORDS_ES = ['conversaciones', 'nucleares', 'el', 'de'];

/** Deterministic pseudo-random texts, so adjacency happens often but not always. */
function texts(n: number): IndexDoc[] {
  const { rnd, sentence } = wordSoup(7);
  return Array.from({ length: n }, (_, i) => {
    const es = i % 5 === 0;
    const words = es ? WORDS_ES : WORDS;
    return doc(`d${i}`, {
      title: sentence(words, 3 + rnd(3)),
      body: sentence(words, 5 + rnd(20)),
      tags: rnd(2) ? [sentence(words, 2), sentence(words, 1)] : [],
      place: rnd(3) ? null : sentence(words, 2),
      language: es ? 'es' : 'en',
    });
  });
}

/** The text check: does any run of one of `fields` hold the words, as written, in order? */
function textHas(d: IndexDoc, words: string[], fields: readonly FieldName[]) {
  const lang = stemLanguage(d.language);
  const runs: Record<FieldName, string[]> = {
    title: [d.title],
    body: [d.body],
    tags: d.tags,
    place: d.place ? [d.place] : [],
    note: d.notes ?? [],
    highlight: d.highlights ?? [],
  };
  const matchers = words.map(exactMatcher);
  const has = (text: string): boolean => {
    const tokens = tokenize(text);
    const at = (i: number, k: number) =>
      tokenMatches(tokens[i + k]!, tokenForms(tokens[i + k]!, lang ? [lang] : []), matchers[k]!);
    for (let i = 0; i + matchers.length <= tokens.length; i++) {
      if (matchers.every((_, k) => at(i, k))) return true;
    }
    return false;
  };
  return fields.some((f) => runs[f].some(has));
}

const PHRASES: [string[], FieldName[] | null][] = [
  [['nuclear', 'talks'], null],
  [['talk'], null],
  [['talks'], ['title']],
  [['run'], null],
  [['running', 'runs'], null],
  [['the', 'talks'], null],
  [['talks', 'of', 'the'], null],
  [['of', 'the', 'nuclear', 'talks'], null],
  [['iran', 'iran'], null],
  [['runs', 'nuclear'], null],
  [['sudani', 'talks'], null],
  [['conversaciones', 'nucleares'], null],
  [['de', 'el'], ['title']],
  [['talks', 'nuclear'], ['tags']],
  [
    ['the', 'iran'],
    ['place', 'title'],
  ],
];

const query = (words: string[], fields: FieldName[] | null): string =>
  fields ? fields.map((f) => `${f}:"${words.join(' ')}"`).join(' OR ') : `"${words.join(' ')}"`;

describe('phrases from stored positions', () => {
  it('match exactly what the text check matches, without reading any article', async () => {
    const { dir, cleanup } = await tempDir();
    const all = texts(400);
    const store = new MemoryStore(all);
    // Small batches and no merges first: many segments; then merged; then reloaded.
    const index = await openIndex(dir, store, {}, { batchSize: 37, merge: false });
    const check = async (ix: typeof index): Promise<void> => {
      store.loads = 0;
      let nonEmpty = 0;
      for (const [words, fields] of PHRASES) {
        const want = all
          .filter((d) => textHas(d, words, fields ?? FIELDS))
          .map((d) => d.id)
          .sort();
        if (want.length > 0) nonEmpty++;
        expect(ids(await ix.search(query(words, fields))), words.join(' ')).toEqual(want);
      }
      expect(nonEmpty).toBeGreaterThan(6);
      expect(store.loads).toBe(0);
    };
    await check(index);
    await index.close();
    const merged = await openIndex(dir, store, {}, { merge: true });
    await merged.flush();
    expect(merged.stats().segments).toBeLessThan(11);
    await check(merged);
    await merged.close();
    const reloaded = await openIndex(dir, store);
    await check(reloaded);
    await reloaded.close();
    await cleanup();
  });

  it('do not span two tags, and follow replaced documents', async () => {
    const { dir, cleanup } = await tempDir();
    const store = new MemoryStore([
      doc('a', { tags: ['nuclear', 'talks'] }),
      doc('b', { tags: ['nuclear talks'] }),
      doc('c', { body: 'talks nuclear' }),
    ]);
    const index = await openIndex(dir, store);
    expect(ids(await index.search('"nuclear talks"'))).toEqual(['b']);
    await index.upsert([doc('c', { rev: 2, body: 'the nuclear talks resumed' })]);
    expect(ids(await index.search('"nuclear talks"'))).toEqual(['b', 'c']);
    await index.remove(['b']);
    expect(ids(await index.search('"nuclear talks"'))).toEqual(['c']);
    await index.close();
    await cleanup();
  });
});
