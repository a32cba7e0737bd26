// An import of more than a handful of files starts an index worker at its first chunk, so
// that the worker is ready when the first full chunk is built; a few files start none (they
// are indexed on the importing thread). A large import stops its idle workers when it ends.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../../main/core/library';
import { REST_AFTER_ARTICLES } from '../../../main/core/library/import-into';
import { SearchIndex } from '../../../main/core/search/segmented-index';
import { article, writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

afterEach(() => vi.restoreAllMocks());

const files = (n: number, from: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`a${i}.txt`, article(from + i)]));

describe('index worker warm-up at import', () => {
  it('starts one for an import of a first chunk or more, none for a few files', async () => {
    const warm = vi.spyOn(SearchIndex.prototype, 'warm');
    const base = tempDir('ar-import-warm-');
    writeArticles(join(base, 'few'), files(5, 0));
    writeArticles(join(base, 'many'), files(40, 100));
    const lib = await openLibrary(join(base, 'lib'));
    try {
      const few = await lib.importSources([{ path: join(base, 'few') }]);
      expect(few.imported).toHaveLength(5);
      expect(warm).not.toHaveBeenCalled();
      const many = await lib.importSources([{ path: join(base, 'many') }]);
      expect(many.imported).toHaveLength(40);
      expect(warm).toHaveBeenCalledTimes(1);
    } finally {
      await lib.close();
    }
  });

  it('stops the idle index workers after a large import, not after a smaller one', async () => {
    const rest = vi.spyOn(SearchIndex.prototype, 'rest');
    const base = tempDir('ar-import-rest-');
    writeArticles(join(base, 'batch'), files(256, 0));
    writeArticles(join(base, 'large'), files(REST_AFTER_ARTICLES, 1000));
    const lib = await openLibrary(join(base, 'lib'));
    try {
      // A watched folder's batch: the workers are kept for the next one.
      expect((await lib.importSources([{ path: join(base, 'batch') }])).imported).toHaveLength(256);
      expect(rest).not.toHaveBeenCalled();
      const large = await lib.importSources([{ path: join(base, 'large') }]);
      expect(large.imported).toHaveLength(REST_AFTER_ARTICLES);
      expect(rest).toHaveBeenCalledTimes(1);
    } finally {
      await lib.close();
    }
  });
});
