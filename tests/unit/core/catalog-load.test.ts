// Opening a library from its catalogue: an older snapshot format loads and is rewritten on
// close, saved sort orders are used only while they hold, and a crash between writing a new
// snapshot and emptying the journal loses nothing.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryEngine } from '../../../main/core/engine';
import { SortedOrders } from '../../../main/core/library/sorted-orders';
import { ArticleStore } from '../../../main/core/store/article-store';
import { Catalog } from '../../../main/core/store/catalog';
import {
  loadSnapshot,
  snapshotFile,
  SNAPSHOT_FORMAT,
} from '../../../main/core/store/catalog-snapshot';
import { encodeRows, ROW_FIELDS, ROWS_FORMAT } from '../../../main/core/store/snapshot-rows';
import { article, openFake, writeArticles } from './library-helpers';
import { articleText, setArticleText } from './store/article-on-disk';
import { tempDir } from './tmp-dir';

const TITLES = ['Mango', 'apple', 'Kiwi', 'banana', 'Cherry', 'date'];

async function libraryOf(titles: string[]) {
  const src = tempDir();
  const files = Object.fromEntries(titles.map((t, i) => [`f${i}.txt`, article(i, `${t} report`)]));
  const dir = join(tempDir(), 'lib');
  const lib = await openFake(dir);
  const summary = await lib.importSources(writeArticles(src, files).map((path) => ({ path })));
  return { lib, dir, src, ids: summary.imported.map((e) => e.id) };
}

const titles = async (lib: LibraryEngine, order: 'asc' | 'desc' = 'asc') =>
  (await lib.list({ sort: 'title', order })).items.map((m) => m.title);
const sortedTitles = (names: string[]) =>
  names
    .map((t) => `${t} report`)
    .sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
const header = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8').split('\n')[0]!) as { format: number };

describe('catalogue load', () => {
  it('opens a format-2 snapshot from before, from the snapshot, and rewrites it on close', async () => {
    const { lib, dir, ids } = await libraryOf(TITLES);
    await lib.addTags([ids[0]!], ['Kept']);
    await lib.close();
    // Format 2 predates source folders and collections (collections are derived on open).
    const before = (await loadSnapshot(join(dir, 'catalog.json')))!.records.map(
      ({ sourceFolder: _f, collection: _c, ...r }) => r,
    );
    const body = encodeRows(before);
    const v2 = { format: ROWS_FORMAT, count: before.length, fields: ROW_FIELDS.join(',') };
    writeFileSync(join(dir, 'catalog.json'), snapshotFile(body, v2));
    writeFileSync(join(dir, 'catalog.journal'), '');
    // Were the snapshot ignored, this damaged file would be read and reported as a problem.
    const intact = (await articleText(dir, ids[1]!))!;
    await setArticleText(dir, ids[1]!, '{"format":1,');
    let again = await openFake(dir);
    expect((await again.stats()).problems).toEqual([]);
    expect((await again.list()).total).toBe(TITLES.length);
    expect((await again.get(ids[0]!)).tags).toEqual(['Kept']);
    expect(await titles(again)).toEqual(sortedTitles(TITLES));
    await setArticleText(dir, ids[1]!, intact);
    await again.close();
    expect(header(dir).format).toBe(SNAPSHOT_FORMAT);
    const after = (await loadSnapshot(join(dir, 'catalog.json')))!;
    expect(after.orders?.lists.has('title')).toBe(true);
    const byId = new Map(after.records.map((r) => [r.id, r]));
    for (const r of before) {
      const { collection: _c, ...got } = byId.get(r.id)!;
      expect(got).toStrictEqual(r);
    }
    again = await openFake(dir);
    expect(await titles(again, 'desc')).toEqual(sortedTitles(TITLES).reverse());
    await again.close();
  });

  it('drops saved orders once the journal adds an article, and sorts it in', async () => {
    const { lib, dir, src } = await libraryOf(TITLES);
    await lib.close();
    let again = await openFake(dir);
    const [extra] = writeArticles(src, { 'new.txt': article(99, 'Elderberry report') });
    await again.importSources([{ path: extra! }]);
    await again.close();
    again = await openFake(dir);
    expect(await titles(again)).toEqual(sortedTitles([...TITLES, 'Elderberry']));
    expect((await again.list({ limit: 2 })).total).toBe(TITLES.length + 1);
    await again.close();
  });

  it('loses nothing when a crash leaves the old journal beside a new snapshot', async () => {
    const { lib, dir, src, ids } = await libraryOf(TITLES);
    await lib.close();
    let again = await openFake(dir);
    await again.addTags([ids[2]!], ['Journalled']);
    const [extra] = writeArticles(src, { 'new.txt': article(98, 'Fig report') });
    await again.importSources([{ path: extra! }]);
    await again.trash([ids[3]!]);
    await again.close();
    const journal = join(dir, 'catalog.journal');
    const saved = join(tempDir(), 'journal.copy');
    copyFileSync(journal, saved);
    expect(readFileSync(saved, 'utf8')).toContain('Journalled');
    // Compact as the engine does (snapshot with orders, then an empty journal)...
    const { catalog } = await Catalog.load(dir, new ArticleStore(dir), false);
    catalog.orderSource = new SortedOrders(catalog.records, () => catalog.membership);
    await catalog.compact(true);
    await catalog.close();
    expect(readFileSync(journal, 'utf8')).toBe('');
    // ...and put the old journal back, as if the process died before emptying it.
    copyFileSync(saved, journal);
    again = await openFake(dir);
    expect((await again.stats()).problems).toEqual([]);
    expect((await again.get(ids[2]!)).tags).toEqual(['Journalled']);
    const live = [...TITLES.filter((_, i) => i !== 3), 'Fig'];
    expect(await titles(again)).toEqual(sortedTitles(live));
    expect((await again.list({ view: 'trash' })).items.map((m) => m.id)).toEqual([ids[3]]);
    expect((await again.list({ limit: 1 })).total).toBe(live.length);
    await again.close();
  });
});
