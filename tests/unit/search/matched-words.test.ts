// Search snippets take their highlights from the word positions stored in the index. The
// reference is the text highlighter (tokenise, normalise and stem the text itself), which the
// reader still uses: for every query kind both must mark the same words, in built, merged
// and reloaded segments.
import { describe, expect, it } from 'vitest';
import { rangesOfWords } from '../../../main/core/search/query/matched-words';
import type { IndexDoc } from '../../../main/core/search/types';
import { doc, MemoryStore, openIndex, tempDir, wordSoup } from './helpers';

const EN = ['Talks', 'talk', 'nuclear', 'the', 'of', 'Iran’s', 'running', 'runs', 'al-Sudani'];
const AR = ['المحادثات', 'النووية', 'إيران', 'في', 'والمحادثات', 'محادثات'];

function texts(n: number): IndexDoc[] {
  const { rnd, sentence } = wordSoup(11);
  return Array.from({ length: n }, (_, i) => {
    const ar = i % 4 === 0;
    const words = ar ? AR : EN;
    return doc(`m${i}`, {
      title: sentence(words, 3 + rnd(3)),
      body: `${sentence(words, 5 + rnd(30))}.\n\n${sentence(words, 4 + rnd(10))}`,
      tags: rnd(2) ? [sentence(words, 2)] : [],
      language: ar ? 'ar' : 'en',
    });
  });
}

const QUERIES = [
  'talks',
  'nuclear talks',
  '+iran -running',
  'run*',
  'nucleer~1',
  '"nuclear talks"',
  'title:talks',
  'body:"the talks"',
  'sudani',
  'المحادثات',
  '"المحادثات النووية"',
  'tag:whatever talks',
];

describe('highlights from stored word positions', () => {
  it('mark the same words as the text highlighter, for every kind of query', async () => {
    const { dir, cleanup } = await tempDir();
    const all = texts(300);
    const store = new MemoryStore(all);
    const index = await openIndex(dir, store, {}, { batchSize: 41, merge: false });
    const check = (ix: typeof index): number => {
      let marked = 0;
      for (const q of QUERIES) {
        for (const d of all) {
          const words = ix.matchedWords(q, d.id);
          expect(words).not.toBeNull();
          const fromIndex = {
            title: rangesOfWords(d.title, words!.title),
            body: rangesOfWords(d.body, words!.body),
          };
          // The text highlighter does not know which field a text is; the positions do, so
          // a field-scoped query marks only that field (the one intended difference).
          const scoped = /^(title|body):/.exec(q)?.[1];
          const fromText = {
            title: scoped === 'body' ? [] : ix.highlight(q, d.title, d.language),
            body: scoped === 'title' ? [] : ix.highlight(q, d.body, d.language),
          };
          const sort = (r: { start: number }[]) => [...r].sort((a, b) => a.start - b.start);
          expect([q, d.id, sort(fromIndex.title), sort(fromIndex.body)]).toEqual([
            q,
            d.id,
            sort(fromText.title),
            sort(fromText.body),
          ]);
          // The snippet ranges, from positions and (for queries standing for many index
          // terms) from the text's own index terms: the same words.
          const texts = { title: d.title, body: d.body };
          for (const limit of [Infinity, 0]) {
            const ranges = ix.matchedRanges(q, d.id, texts, limit);
            expect([q, limit, sort(ranges!.title), sort(ranges!.body)]).toEqual([
              q,
              limit,
              sort(fromIndex.title),
              sort(fromIndex.body),
            ]);
          }
          marked += fromIndex.body.length;
        }
      }
      return marked;
    };
    try {
      expect(check(index)).toBeGreaterThan(500);
      await index.close();
      const merged = await openIndex(dir, store, {}, { merge: true });
      await merged.flush();
      expect(check(merged)).toBeGreaterThan(500);
      expect(merged.matchedWords('talks', 'no-such-id')).toBeNull();
      expect(merged.matchedWords('"unclosed', all[0]!.id)).toBeNull();
      expect(merged.matchedRanges('talks', 'no-such-id', { title: '', body: '' })).toBeNull();
      await merged.close();
    } finally {
      await cleanup();
    }
  });
});
