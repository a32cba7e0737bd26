// list() keeps sorted orders between calls and re-sorts only when articles come or go.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SortedOrders } from '../../../main/core/library/sorted-orders';
import type { ArticleRecord } from '../../../main/core/store/article-file';
import { recordFixture } from './record-fixture';
import { article, openFake, writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

const record = recordFixture;

describe('sorted orders', () => {
  it('reuse an order until membership changes, and always yield current records', () => {
    const records = new Map<string, ArticleRecord>();
    for (const [id, title, at] of [
      ['a', 'Charlie', '2026-01-01T00:00:00Z'],
      ['b', 'alpha', '2026-01-02T00:00:00Z'],
      ['c', 'Bravo', '2026-01-03T00:00:00Z'],
    ] as const)
      records.set(id, record(id, title, at));
    let membership = 0;
    const orders = new SortedOrders(records, () => membership);
    const titles = () => [...orders.sorted('title', 'asc')].map((r) => r.title);
    expect(titles()).toEqual(['alpha', 'Bravo', 'Charlie']);
    expect([...orders.sorted('imported', 'desc')].map((r) => r.id)).toEqual(['c', 'b', 'a']);
    // A changed record (tags) keeps its place and is yielded as it is now.
    records.set('b', { ...records.get('b')!, tags: ['x'] });
    expect([...orders.sorted('title', 'asc')][0]!.tags).toEqual(['x']);
    // The order is cached: a key change without a membership change is not re-sorted...
    records.set('a', { ...records.get('a')!, title: 'aardvark' });
    expect(titles()).toEqual(['alpha', 'Bravo', 'aardvark']);
    // ...and an added article invalidates it.
    records.set('d', record('d', 'Delta', '2026-01-04T00:00:00Z'));
    membership++;
    expect(titles()).toEqual(['aardvark', 'alpha', 'Bravo', 'Delta']);
    records.delete('b');
    expect(titles()).toEqual(['aardvark', 'Bravo', 'Delta']);
  });

  it('list() shows imports, tag edits and deletions at once', async () => {
    const src = tempDir();
    const paths = writeArticles(src, {
      'a.txt': article(1, 'Mango report'),
      'b.txt': article(2, 'Apple report'),
    });
    const lib = await openFake(join(tempDir(), 'lib'));
    const first = await lib.importSources(paths.map((path) => ({ path })));
    const byTitle = async () =>
      (await lib.list({ sort: 'title', order: 'asc' })).items.map((m) => m.title);
    expect(await byTitle()).toEqual(['Apple report', 'Mango report']);
    const mango = first.imported.find((e) => e.title === 'Mango report')!.id;
    await lib.addTags([mango], ['fruit']);
    expect((await lib.list({ sort: 'title', order: 'asc' })).items[1]!.tags).toEqual(['fruit']);
    expect((await lib.list({ tags: ['fruit'] })).items.map((m) => m.id)).toEqual([mango]);
    const [kiwi] = writeArticles(src, { 'c.txt': article(3, 'Kiwi report') });
    await lib.importSources([{ path: kiwi! }]);
    expect(await byTitle()).toEqual(['Apple report', 'Kiwi report', 'Mango report']);
    await lib.trash([mango]);
    expect(await byTitle()).toEqual(['Apple report', 'Kiwi report']);
    await lib.emptyTrash();
    const page = await lib.list({ sort: 'title', order: 'asc', view: 'trash' });
    expect(page.total).toBe(0);
    expect(
      (await lib.list({ offset: 1, limit: 1, sort: 'title', order: 'asc' })).items,
    ).toHaveLength(1);
    await lib.close();
  });
});
