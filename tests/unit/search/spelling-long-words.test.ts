// A pasted run of letters must not cost a one-edit spelling pass: ~100 candidates per letter,
// each stemmed in every language of the library (a 1,000-letter word took 2 s at 100,000
// articles). Counted in stemmer calls, not timed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { doc, ids } from './helpers';
import { indexOver } from './index-over';

const calls = vi.hoisted(() => ({ stem: 0 }));
vi.mock('../../../main/core/search/analysis/stemmer', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../main/core/search/analysis/stemmer')>();
  return {
    ...real,
    stem: (word: string, lang: string) => {
      calls.stem++;
      return real.stem(word, lang);
    },
  };
});

const corpus = [
  doc('p1', { title: 'Mobile phones sold', body: 'Sales of mobile phones rose in spring.' }),
  doc('p2', { title: 'Phone makers', body: 'A phone maker cut prices of its phones.' }),
];

describe('spelling of very long words', () => {
  const ix = indexOver(corpus);
  beforeEach(() => {
    calls.stem = 0;
  });

  it('tries no one-edit spellings of a 900-letter word', async () => {
    await ix().search('mobile');
    calls.stem = 0;
    const r = await ix().search(`mobile ${'e'.repeat(900)}`);
    expect(ids(r)).toEqual(['p1']);
    expect(calls.stem).toBeLessThan(1_000);
  });

  it('still tries them for a word of ordinary length', async () => {
    await ix().search('mobile');
    calls.stem = 0;
    const r = await ix().search('mobile phnoes');
    expect(r.corrected).toEqual([{ from: 'phnoes', to: 'phones' }]);
    expect(calls.stem).toBeGreaterThan(200);
  });
});
