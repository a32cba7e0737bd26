// Every sort goes both ways, and by date undated articles come last in both directions.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library';
import { sortRecords } from '../../../main/core/library/list-query';
import { SortedOrders } from '../../../main/core/library/sorted-orders';
import type { ArticleRecord } from '../../../main/core/store/article-file';
import { writeArticles } from './library-helpers';
import { recordFixture } from './record-fixture';
import { tempDir } from './tmp-dir';

function record(id: string, importedAt: string, articleDate: string | null): ArticleRecord {
  return { ...recordFixture(id, `Title ${id}`, importedAt), articleDate };
}

// Undated articles imported both before and after the dated ones, some the same day as a
// dated one: the import day must not place them among the dated.
const RECORDS = [
  record('u1', '2026-12-06T10:00:00Z', null),
  record('d1', '2026-12-06T10:00:01Z', '1987-02-26'),
  record('d2', '2026-12-06T10:00:02Z', '2026-12-06'),
  record('u2', '2026-12-06T10:00:03Z', null),
  record('d3', '2026-12-06T10:00:04Z', '2001-09-11'),
];

describe('date sort', () => {
  it('puts undated articles last, ascending and descending', () => {
    const ids = (order: 'asc' | 'desc') =>
      sortRecords([...RECORDS], 'date', order).map((r) => r.id);
    expect(ids('asc')).toEqual(['d1', 'd3', 'd2', 'u1', 'u2']);
    expect(ids('desc')).toEqual(['d2', 'd3', 'd1', 'u2', 'u1']);
  });

  it('walks cached orders the same way as a fresh sort, for every sort and order', () => {
    const records = new Map(RECORDS.map((r) => [r.id, r]));
    const orders = new SortedOrders(records, () => 0);
    for (const sort of ['imported', 'date', 'title'] as const)
      for (const order of ['asc', 'desc'] as const)
        expect(
          [...orders.sorted(sort, order)].map((r) => r.id),
          `${sort} ${order}`,
        ).toEqual(sortRecords([...RECORDS], sort, order).map((r) => r.id));
  });
});

describe('sort direction in list() and search()', () => {
  it('reverses every sort, keeps undated last, and survives a reopen (saved orders)', async () => {
    const base = tempDir();
    const paths = writeArticles(join(base, 'src'), {
      'a.txt': 'Apple harvest\n\nNo date here, only apples and a harvest.',
      'b.txt': 'Banana harvest\n\nLONDON, March 3, 1999 - Bananas and a harvest.',
      'c.txt': 'Cherry harvest\n\nPARIS, 2010-05-01 - Cherries harvest in spring, harvest again.',
      'd.txt': 'Date harvest\n\nAnother undated harvest story.',
    });
    const dir = join(base, 'lib');
    let lib = await openLibrary(dir);
    try {
      await lib.importSources(paths.map((path) => ({ path })));
      const check = async () => {
        const list = async (sort: 'date' | 'title' | 'imported', order: 'asc' | 'desc') =>
          (await lib.list({ sort, order })).items.map((m) => m.title.split(' ')[0]);
        // Undated ones follow in import order, reversed with the rest.
        expect(await list('date', 'desc')).toEqual(['Cherry', 'Banana', 'Date', 'Apple']);
        expect(await list('date', 'asc')).toEqual(['Banana', 'Cherry', 'Apple', 'Date']);
        expect(await list('title', 'desc')).toEqual(['Date', 'Cherry', 'Banana', 'Apple']);
        expect(await list('imported', 'asc')).toEqual(['Apple', 'Banana', 'Cherry', 'Date']);
        expect(await list('imported', 'desc')).toEqual(['Date', 'Cherry', 'Banana', 'Apple']);
        const search = async (sort: 'relevance' | 'date' | 'title', order?: 'asc' | 'desc') =>
          (await lib.search({ query: 'harvest', sort, ...(order ? { order } : {}) })).hits.map(
            (h) => h.title.split(' ')[0],
          );
        expect(await search('date', 'asc')).toEqual(['Banana', 'Cherry', 'Apple', 'Date']);
        expect(await search('date')).toEqual(['Cherry', 'Banana', 'Date', 'Apple']);
        expect(await search('title', 'desc')).toEqual(['Date', 'Cherry', 'Banana', 'Apple']);
        const best = await search('relevance');
        expect(best[0]).toBe('Cherry');
        expect(await search('relevance', 'asc')).toEqual([...best].reverse());
      };
      await check();
      await lib.close();
      lib = await openLibrary(dir);
      await check();
    } finally {
      await lib.close();
    }
  });
});
