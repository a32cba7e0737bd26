// The timeline engine call: counts by day, month or year over a view or a search.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library';
import type { LibraryEngine } from '../../../main/core/engine';
import { timelineBuckets, timelineUnit } from '../../../main/core/library/timeline-buckets';
import { writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

describe('timeline buckets', () => {
  it('picks days for short spans, months, then years', () => {
    expect(timelineUnit('2004-03-01', '2004-05-31')).toBe('day');
    expect(timelineUnit('2004-03-01', '2004-06-30')).toBe('month');
    expect(timelineUnit('1950-01-01', '1999-12-31')).toBe('month');
    expect(timelineUnit('1900-01-01', '1999-12-31')).toBe('year');
  });

  it('lays out every bar, zero counts included, and counts each day in its bar', () => {
    const days = new Map([
      ['2004-01-15', 2],
      ['2004-03-31', 1],
      ['2004-03-01', 4],
    ]);
    const { unit, buckets } = timelineBuckets(days, {});
    expect(unit).toBe('day');
    expect(buckets).toHaveLength(77);
    const months = timelineBuckets(new Map([...days, ['2004-06-02', 1]]), {});
    expect(months.unit).toBe('month');
    expect(months.buckets).toEqual([
      { from: '2004-01-01', to: '2004-01-31', count: 2 },
      { from: '2004-02-01', to: '2004-02-29', count: 0 },
      { from: '2004-03-01', to: '2004-03-31', count: 5 },
      { from: '2004-04-01', to: '2004-04-30', count: 0 },
      { from: '2004-05-01', to: '2004-05-31', count: 0 },
      { from: '2004-06-01', to: '2004-06-30', count: 1 },
    ]);
  });

  it('spans a given range, leaving out days outside it', () => {
    const days = new Map([
      ['2004-03-02', 1],
      ['2004-03-05', 3],
      ['2004-04-01', 9],
    ]);
    const { unit, buckets } = timelineBuckets(days, { from: '2004-03-01', to: '2004-03-31' });
    expect(unit).toBe('day');
    expect(buckets).toHaveLength(31);
    expect(buckets[1]).toEqual({ from: '2004-03-02', to: '2004-03-02', count: 1 });
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(4);
    expect(timelineBuckets(new Map(), {})).toEqual({ unit: 'month', buckets: [] });
  });
});

describe('timeline of a library', () => {
  let lib: LibraryEngine;
  beforeAll(async () => {
    const base = tempDir();
    const paths = writeArticles(join(base, 'src'), {
      'a.txt': 'Port opens\n\nLONDON, March 3, 2004 (Reuters) - The port opened.',
      'b.txt': 'Port strike\n\nPublished: 30 March 2004\n\nThe port strike spread.',
      'c.txt': 'Grain prices\n\nPublished: 2 June 2004\n\nGrain prices rose.',
      'd.txt': 'Port notes\n\nNotes about the port with no date.',
      'e.txt': 'Old grain\n\nPublished: 1 January 1990\n\nGrain stored for years.',
    });
    lib = await openLibrary(join(base, 'lib'));
    await lib.importSources(paths.map((path) => ({ path })));
  });
  afterAll(() => lib.close());

  const total = (t: { buckets: { count: number }[] }) => t.buckets.reduce((n, b) => n + b.count, 0);

  it('counts the whole view by month, undated apart', async () => {
    const t = await lib.timeline({});
    expect(t.unit).toBe('month');
    expect(t.buckets[0]!.from).toBe('1990-01-01');
    expect(t.buckets.at(-1)!.to).toBe('2004-06-30');
    expect([total(t), t.dated, t.undated]).toEqual([4, 4, 1]);
  });

  it('counts a search, and a range by day', async () => {
    const search = await lib.timeline({ query: 'port' });
    expect([search.dated, search.undated]).toEqual([2, 1]);
    expect(search.unit).toBe('day');
    const range = await lib.timeline({ from: '2004-03-01', to: '2004-03-31' });
    expect(range.unit).toBe('day');
    expect(range.buckets).toHaveLength(31);
    expect(range.buckets[2]!.count).toBe(1);
    expect(range.buckets[29]!.count).toBe(1);
    expect([range.dated, range.undated]).toEqual([2, 1]);
  });

  it('is empty for a bad query, and refuses a range that ends first', async () => {
    const bad = await lib.timeline({ query: 'date:2004-13' });
    expect([bad.dated, bad.undated, bad.buckets.length]).toEqual([0, 0, 0]);
    await expect(lib.timeline({ from: '2005-01-01', to: '2004-01-01' })).rejects.toThrow(/starts/);
  });
});
