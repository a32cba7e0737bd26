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
    expect(r.corrected).toEqual([{ from: 'phnoes', to: 'phone' }]);
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
