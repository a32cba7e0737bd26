// An import looks for garbage after each chunk it writes (garbage-guard.ts): each chunk's
// texts, records and buffers are garbage once written, and left to V8 they raised the peak of
// an import of 100,000 articles.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../../main/core/library';
import { GarbageGuard } from '../../../main/core/library/garbage-guard';
import { article, writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

afterEach(() => vi.restoreAllMocks());

describe('garbage during an import', () => {
  it('is checked once per chunk written', async () => {
    const check = vi.spyOn(GarbageGuard.prototype, 'check');
    const base = tempDir('ar-import-garbage-');
    // 32 + 64 + 128 files: the import's first three chunks.
    const files = Object.fromEntries(
      Array.from({ length: 224 }, (_, i) => [`a${i}.txt`, article(i)]),
    );
    writeArticles(join(base, 'src'), files);
    const lib = await openLibrary(join(base, 'lib'), { discovery: false });
    try {
      check.mockClear();
      const summary = await lib.importSources([{ path: join(base, 'src') }]);
      expect(summary.imported).toHaveLength(224);
      expect(check.mock.calls.length).toBeGreaterThanOrEqual(3);
    } finally {
      await lib.close();
    }
  }, 60_000);
});
