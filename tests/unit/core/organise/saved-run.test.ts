// A saved search's date range keeps the articles dated inside it (their own date), ends
// included; undated articles are left out once a range is set.
import { describe, expect, it } from 'vitest';
import { dateRange } from '../../../../main/core/organise/saved-run';
import type { ArticleRecord } from '../../../../main/core/store/article-file';

const dated = (articleDate: string | null) =>
  ({ articleDate }) as Pick<ArticleRecord, 'articleDate'>;

describe('dateRange', () => {
  it('is no condition without ends', () => {
    expect(dateRange(undefined, undefined)).toBeUndefined();
  });
  it('keeps days inside the range, ends included, either end open', () => {
    const within = dateRange('2019-03-01', '2019-03-31')!;
    const keep = (d: string | null) => within(dated(d) as ArticleRecord);
    expect([
      keep('2019-03-01'),
      keep('2019-03-31'),
      keep('2019-02-28'),
      keep('2019-04-01'),
    ]).toEqual([true, true, false, false]);
    expect(keep(null)).toBe(false);
    const after = dateRange('2020-01-01', undefined)!;
    expect(after(dated('2024-06-01') as ArticleRecord)).toBe(true);
    expect(after(dated('2019-12-31') as ArticleRecord)).toBe(false);
  });
});
