// Saved sort orders are checked against the title collation only when an order that depends
// on it is used: a cold `list` in import order makes no Intl.Collator (about 6 ms of a fresh
// process, docs/benchmarks.md "Cold command line"), and every order still comes out right.
import { describe, expect, it, vi } from 'vitest';
import type { ArticleRecord } from '../../../main/core/store/article-file';
import { recordFixture } from './record-fixture';

const record = recordFixture;

const RECORDS = new Map(
  (
    [
      ['a', 'Charlie', '2026-01-01T00:00:00Z'],
      ['b', 'alpha', '2026-01-02T00:00:00Z'],
      ['c', 'Bravo', '2026-01-03T00:00:00Z'],
    ] as const
  ).map(([id, title, at]) => [id, record(id, title, at)]),
);

/** The module loaded afresh (no collator made yet) and a spy on Intl.Collator. */
async function fresh() {
  vi.resetModules();
  const Real = Intl.Collator;
  const made = vi.spyOn(Intl, 'Collator').mockImplementation(function made(
    ...args: ConstructorParameters<typeof Intl.Collator>
  ) {
    return new Real(...args);
  });
  const { SortedOrders, ordersKey } = await import('../../../main/core/library/sorted-orders');
  return { SortedOrders, ordersKey, made };
}

const ids = (it: Iterable<ArticleRecord>) => [...it].map((r) => r.id);

describe('saved sort orders, checked on use', () => {
  it('lists in import order from the saved order without making a collator', async () => {
    const { SortedOrders, made } = await fresh();
    const orders = new SortedOrders(RECORDS, () => 0);
    // The saved title order is deliberately wrong: it must not be trusted unchecked.
    orders.seed({
      key: 'another runtime',
      lists: new Map([
        ['imported', ['a', 'b', 'c']],
        ['title', ['c', 'b', 'a']],
      ]),
    });
    expect(ids(orders.sorted('imported', 'desc'))).toEqual(['c', 'b', 'a']);
    expect(made).not.toHaveBeenCalled();
    // A title sort checks the key, finds it foreign, and sorts for itself.
    expect(ids(orders.sorted('title', 'asc'))).toEqual(['b', 'c', 'a']);
    expect(made).toHaveBeenCalled();
    made.mockRestore();
  });

  it('uses saved orders whose key is this runtime’s', async () => {
    const { SortedOrders, ordersKey, made } = await fresh();
    const orders = new SortedOrders(RECORDS, () => 0);
    // A saved order is trusted as it is when the key matches (here a made-up one, to see it used).
    orders.seed({ key: ordersKey(), lists: new Map([['title', ['a', 'c', 'b']]]) });
    expect(ids(orders.sorted('title', 'asc'))).toEqual(['a', 'c', 'b']);
    expect(orders.orders(false)?.lists.title).toEqual(['a', 'c', 'b']);
    made.mockRestore();
  });

  it('drops unchecked saved orders once the membership changes', async () => {
    const { SortedOrders, ordersKey, made } = await fresh();
    let membership = 0;
    const orders = new SortedOrders(RECORDS, () => membership);
    orders.seed({ key: ordersKey(), lists: new Map([['title', ['a', 'c', 'b']]]) });
    membership = 1;
    expect(ids(orders.sorted('title', 'asc'))).toEqual(['b', 'c', 'a']);
    made.mockRestore();
  });
});
