// search() pages: totals count every visible hit, pages tile the full result without gaps or
// repeats, and trashed articles stay out (the runner only re-checks as far as the page).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library';
import { article, writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

describe('search paging', () => {
  it('tiles pages exactly and keeps totals right with trashed articles', async () => {
    const base = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`a${i}.txt`] = article(i, `Report ${i} on paging`);
    const paths = writeArticles(join(base, 'src'), files);
    const lib = await openLibrary(join(base, 'lib'));
    try {
      const { imported } = await lib.importSources(paths.map((path) => ({ path })));
      expect(imported).toHaveLength(40);
      const trashed = imported.slice(0, 7).map((a) => a.id);
      await lib.trash(trashed);
      const all = await lib.search({ query: 'paging', limit: 1000 });
      expect(all.total).toBe(33);
      expect(all.hits).toHaveLength(33);
      expect(all.hits.some((h) => trashed.includes(h.id))).toBe(false);
      const paged: string[] = [];
      for (let offset = 0; offset < 40; offset += 6) {
        const page = await lib.search({ query: 'paging', offset, limit: 6 });
        expect(page.total).toBe(33);
        paged.push(...page.hits.map((h) => h.id));
      }
      expect(paged).toEqual(all.hits.map((h) => h.id));
      const inTrash = await lib.search({ query: 'paging', view: 'trash', limit: 3 });
      expect(inTrash.total).toBe(7);
      expect(inTrash.hits).toHaveLength(3);
      const byTitle = await lib.search({ query: 'paging', sort: 'title', offset: 30, limit: 10 });
      expect(byTitle.total).toBe(33);
      expect(byTitle.hits).toHaveLength(3);
      // Restoring and emptying the trash move articles between the plain views at once.
      await lib.restore(trashed.slice(0, 2));
      expect((await lib.search({ query: 'paging' })).total).toBe(35);
      expect((await lib.search({ query: 'paging', view: 'trash' })).total).toBe(5);
      await lib.emptyTrash();
      expect((await lib.search({ query: 'paging', view: 'trash' })).total).toBe(0);
      expect((await lib.search({ query: 'paging', limit: 100 })).hits).toHaveLength(35);
    } finally {
      await lib.close();
    }
  });
});
