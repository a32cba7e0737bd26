// Sorted orders of every article id, kept between list() calls: sorting 100,000 records
// costs about 100 ms (by title, ~500 ms), filtering an order already sorted a few. Sort keys
// (title, dates, id) never change after import, so an order stays valid until an article is
// added or removed. Orders are saved with the catalogue snapshot, so a cold open sorts nothing.
import type { ArticleRecord } from '../store/article-file';
import type { OrderSource } from '../store/catalog';
import type { SnapshotOrders } from '../store/catalog-snapshot';
import type { ArticleSort, SortOrder } from '../../contract/types';
import { datedCount, sortRecords, titleCollation } from './list-query';

const SORTS: readonly ArticleSort[] = ['imported', 'date', 'title'];
// Bumped whenever sortRecords changes what an order is, so saved orders are not trusted.
// 2: the date sort uses only the article's own date, undated articles last.
const ORDERS_VERSION = 2;

/** What saved orders depend on: the sort rules and the title collation of this runtime. */
export function ordersKey(): string {
  return `${ORDERS_VERSION}|${titleCollation()}`;
}

export class SortedOrders implements OrderSource {
  // Ascending orders only: a descending one is the exact reverse, since ties never remain.
  private readonly asc = new Map<ArticleSort, string[]>();
  private version = -1;
  // Saved orders not yet checked against this runtime's collation: checking makes a collator,
  // which a list in import order never needs (the first Intl object costs a cold open 6 ms).
  private unchecked: { key: string; lists: ReadonlyMap<string, string[]> } | null = null;

  constructor(
    private readonly records: ReadonlyMap<string, ArticleRecord>,
    private readonly membership: () => number,
  ) {}

  /** Adopts saved ascending orders (from the snapshot) for the current membership. */
  seed(saved: { key: string; lists: ReadonlyMap<string, string[]> } | null): void {
    if (!saved) return;
    this.check();
    this.unchecked = saved;
  }

  /**
   * Adopts the saved orders that hold: all of them when their key is this runtime's, else
   * none. The import order alone needs no key (below), so `sort` 'imported' checks none.
   */
  private adoptSaved(sort: ArticleSort | null): void {
    const saved = this.unchecked;
    if (!saved) return;
    const take = (s: ArticleSort): void => {
      const ids = saved.lists.get(s);
      if (ids && ids.length === this.records.size && !this.asc.has(s)) this.asc.set(s, ids);
    };
    // The import order comes from the snapshot's rows, which are written in the order
    // sortRecords gives by import (catalog-snapshot.ts), whatever the collation.
    if (sort === 'imported') return take('imported');
    this.unchecked = null;
    if (saved.key === ordersKey()) for (const s of SORTS) take(s);
  }

  /** The records in this order (validated sort), re-sorted only after membership changed. */
  *sorted(sort: ArticleSort, order: SortOrder): Generator<ArticleRecord> {
    const ids = this.ascending(sort);
    if (order === 'asc') {
      for (const id of ids) {
        const r = this.records.get(id);
        if (r) yield r;
      }
      return;
    }
    // A descending order is the exact reverse (ties never remain), so it is walked backwards;
    // by date, undated articles stay last, so the dated and undated runs are each reversed.
    const dated = sort === 'date' ? datedCount(ids, this.records) : ids.length;
    for (const [from, to] of [
      [0, dated],
      [dated, ids.length],
    ] as const) {
      for (let i = to - 1; i >= from; i--) {
        const r = this.records.get(ids[i]!);
        if (r) yield r;
      }
    }
  }

  /** The orders to save with a snapshot: all of them when `complete`, else those at hand. */
  orders(complete: boolean): SnapshotOrders | null {
    this.check();
    this.adoptSaved(null);
    const lists: Record<string, string[]> = {};
    // The snapshot keeps records in import order, so that one is never saved.
    for (const sort of SORTS) {
      if (sort === 'imported') continue;
      const ids = complete ? this.ascending(sort) : this.asc.get(sort);
      if (ids) lists[sort] = ids;
    }
    return Object.keys(lists).length ? { key: ordersKey(), lists } : null;
  }

  /** Drops every order, for when sort keys changed (a reindex found new article dates). */
  forget(): void {
    this.asc.clear();
    this.unchecked = null;
  }

  private check(): void {
    const current = this.membership();
    if (current !== this.version) {
      this.asc.clear();
      this.unchecked = null;
      this.version = current;
    }
  }

  private ascending(sort: ArticleSort): string[] {
    this.check();
    if (!this.asc.has(sort)) this.adoptSaved(sort);
    let ids = this.asc.get(sort);
    if (!ids) {
      ids = sortRecords([...this.records.values()], sort, 'asc').map((r) => r.id);
      this.asc.set(sort, ids);
    }
    return ids;
  }
}
