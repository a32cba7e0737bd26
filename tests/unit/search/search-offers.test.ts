// Through the library facade: corrected words, searching them as typed, and the any-word offer.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library';
import type { LibraryEngine } from '../../../main/core/engine';
import { writeArticles } from '../core/library-helpers';
import { tempDir } from '../core/tmp-dir';

describe('search offers', () => {
  let lib: LibraryEngine;
  beforeAll(async () => {
    const base = tempDir();
    const paths = writeArticles(join(base, 'src'), {
      'a.txt': 'Mobile phones\n\nSales of mobile phones rose in spring.',
      'b.txt': 'Garden news\n\nThe garden show opened with roses.',
      'c.txt': 'Harvest report\n\nA late harvest of apples.',
    });
    lib = await openLibrary(join(base, 'lib'));
    await lib.importSources(paths.map((path) => ({ path })));
  }, 60_000);
  afterAll(async () => {
    await lib.close();
  });
  const titles = (r: { hits: { title: string }[] }): string[] => r.hits.map((h) => h.title);

  it('names the words it corrected, and searches them as typed when asked', async () => {
    const r = await lib.search({ query: 'mobile phnoes' });
    expect(titles(r)).toEqual(['Mobile phones']);
    expect(r.corrected).toEqual([{ from: 'phnoes', to: 'phones' }]);
    expect(r.hits[0]!.snippetMatches.length).toBe(2);
    const exact = await lib.search({ query: 'mobile phnoes', exact: true });
    expect(exact.total).toBe(0);
    expect(exact.corrected).toBeUndefined();
  });

  it('offers any-word results when no article has all the words, and gives them on asking', async () => {
    const none = await lib.search({ query: 'garden harvest' });
    expect(none.total).toBe(0);
    expect(none.anyWordTotal).toBe(2);
    const any = await lib.search({ query: 'garden harvest', anyWord: true });
    expect(titles(any).sort()).toEqual(['Garden news', 'Harvest report']);
    expect(any.anyWordTotal).toBeUndefined();
    // Found with all the words: no offer.
    expect((await lib.search({ query: 'garden roses' })).anyWordTotal).toBeUndefined();
  });
});

describe('did you mean', () => {
  // "recieves" in 3 articles, "receives" in 40: the 3 are real articles, so the word is left
  // alone, and the better-spelt query offered.
  let lib: LibraryEngine;
  beforeAll(async () => {
    const base = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) {
      files[`r${i}.txt`] = `Patent news ${i}\n\nThe company receives a patent for its engine.`;
    }
    for (let i = 0; i < 3; i++) {
      files[`t${i}.txt`] = `Grant news ${i}\n\nThe charity recieves a grant this year.`;
    }
    files['salmon.txt'] = 'Salmon farming\n\nSalmon farms grow along the coast.';
    for (let i = 0; i < 25; i++) {
      files[`s${i}.txt`] = `Bank story ${i}\n\nSalomon Brothers bank sold bonds.`;
    }
    lib = await openLibrary(join(base, 'lib'));
    await lib.importSources(writeArticles(join(base, 'src'), files).map((path) => ({ path })));
  }, 60_000);
  afterAll(async () => {
    await lib.close();
  });

  it('suggests the spelling far more articles use, with what it finds', async () => {
    const r = await lib.search({ query: 'recieves' });
    expect(r.total).toBe(3);
    expect(r.corrected).toBeUndefined();
    expect(r.didYouMean).toEqual({ query: 'receives', total: 40 });
    const field = await lib.search({ query: 'body:recieves^2' });
    expect(field.didYouMean?.query).toBe('body:receives^2');
    // Under a filter that leaves the better spelling nothing, nothing is offered.
    const charity = await lib.search({ query: 'recieves charity' });
    expect(charity.total).toBe(3);
    expect(charity.didYouMean).toBeUndefined();
  });

  it('searches the suggested spelling too when the words as typed find nothing', async () => {
    const r = await lib.search({ query: 'salmon brothers' });
    expect(r.total).toBe(25);
    expect(r.corrected).toEqual([{ from: 'salmon', to: 'salomon' }]);
    expect(r.didYouMean).toBeUndefined();
    const exact = await lib.search({ query: 'salmon brothers', exact: true });
    expect(exact.total).toBe(0);
  });
});
