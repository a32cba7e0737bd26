// `list` reads the catalogue without opening the engine (main/cli/catalog-list.ts): every
// page it gives must be the page the engine's own read-only list gives, for every view, sort,
// order, filter and page, before and after changes the journal still holds.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../../../main/contract/types';
import { openCatalogList, type CatalogListQuery } from '../../../main/cli/catalog-list';
import { article, openFake, writeArticles } from '../core/library-helpers';
import { tempDir } from '../core/tmp-dir';

const TITLES = ['Mango', 'apple', 'Kiwi', 'banana', 'Cherry', 'date', 'Éclair', 'fig 10', 'fig 9'];

async function library() {
  const src = tempDir();
  const files: Record<string, string> = {};
  TITLES.forEach((t, i) => {
    // Two collections, and dated articles beside undated ones.
    const dated = i % 3 === 0 ? `Published: 2024-0${(i % 9) + 1}-1${i}\n\n` : '';
    files[`${i % 2 ? 'sport' : 'news'}/f${i}.txt`] = `${t} report\n\n${dated}${article(i, t)}`;
  });
  const dir = join(tempDir(), 'lib');
  const lib = await openFake(dir);
  writeArticles(src, files);
  // The folder itself, so that its subfolders become collections.
  const summary = await lib.importSources([{ path: src }]);
  const ids = summary.imported.map((e) => e.id);
  return { lib, dir, ids };
}

const QUERIES: CatalogListQuery[] = [];
for (const sort of ['imported', 'date', 'title'] as const) {
  for (const order of ['asc', 'desc'] as const) {
    for (const view of ['all', 'unread', 'favourites', 'trash'] as const) {
      QUERIES.push({ sort, order, view, limit: 50 });
    }
    QUERIES.push({ sort, order, limit: 3 }, { sort, order, limit: 2, offset: 3 });
  }
}
QUERIES.push(
  { limit: 50, tags: ['Kept'] },
  { limit: 50, tags: ['kept', 'other'] },
  { limit: 50, collection: 'sport' },
  { limit: 50, collection: 'News', sort: 'title' },
  { limit: 50, from: '2024-01-01', to: '2024-06-30', sort: 'date' },
  { limit: 50, from: '2024-05-01' },
  { limit: 1, offset: 100 },
);

async function samePages(dir: string): Promise<void> {
  const engine = await openFake(dir, { readOnly: true, deferIndex: true, discovery: false });
  const lean = await openCatalogList(dir);
  for (const query of QUERIES) {
    const want = await engine.list(query as ListQuery);
    expect(await lean.list(query), JSON.stringify(query)).toStrictEqual(want);
  }
  // The fixture exercises the filters: collections and dates are there to filter on.
  expect((await lean.list({ limit: 50, collection: 'sport' })).items.length).toBeGreaterThan(0);
  expect((await lean.list({ limit: 50, from: '2024-01-01' })).items.length).toBeGreaterThan(0);
  await lean.close();
  await engine.close();
}

describe('list from the catalogue alone', () => {
  it('gives the engine’s pages, from the snapshot and with changes in the journal', async () => {
    const { lib, dir, ids } = await library();
    await lib.close();
    await samePages(dir);
    // Changes a reader finds in the journal, over snapshot records it has not built.
    const again = await openFake(dir);
    await again.addTags([ids[1]!, ids[4]!], ['Kept']);
    await again.addTags([ids[4]!], ['other']);
    await again.setFavourite([ids[2]!], true);
    await again.setRead([ids[3]!, ids[5]!], true);
    await again.trash([ids[6]!]);
    await again.close();
    await samePages(dir);
  });

  it('refuses what the engine refuses, with the same error', async () => {
    const dir = join(tempDir(), 'none');
    const fromEngine = await openFake(dir, { readOnly: true }).catch((e: unknown) => e);
    const fromLean = await openCatalogList(dir).catch((e: unknown) => e);
    expect(fromLean).toBeInstanceOf(Error);
    expect(fromLean).toStrictEqual(fromEngine);
    const { lib, dir: lib2 } = await library();
    await lib.close();
    const lean = await openCatalogList(lib2);
    const bad = { limit: 5, view: 'nope' } as unknown as CatalogListQuery;
    await expect(lean.list(bad)).rejects.toThrow(/Unknown view/);
    await lean.close();
  });
});
