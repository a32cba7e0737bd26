// Sorted orders of every article id, kept between list() calls: sorting 100,000 records
// costs about 100 ms, filtering an order already sorted a few. Sort keys (title, dates, id)
// never change after import, so an order stays valid until an article is added or removed.
import type { ArticleRecord } from '../store/article-file';
import type { ArticleSort, SortOrder } from '../types';
import { sortRecords } from './list-query';

export class SortedOrders {
  private readonly orders = new Map<string, string[]>();
  private version = -1;

  constructor(
    private readonly records: ReadonlyMap<string, ArticleRecord>,
    private readonly membership: () => number,
  ) {}

  /** The records in this order (validated sort), re-sorted only after membership changed. */
  *sorted(sort: ArticleSort, order: SortOrder): Generator<ArticleRecord> {
    const current = this.membership();
    if (current !== this.version) {
      this.orders.clear();
      this.version = current;
    }
    const key = `${sort}:${order}`;
    let ids = this.orders.get(key);
    if (!ids) {
      const all = sortRecords([...this.records.values()], sort, order);
      ids = all.map((r) => r.id);
      this.orders.set(key, ids);
    }
    for (const id of ids) {
      const r = this.records.get(id);
      if (r) yield r;
    }
  }
}
